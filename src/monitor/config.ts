import { RampartError } from '../core/errors.js';
import { detectors, isDetectorId, type DetectorId } from './detectors/index.js';
import type { DetectorSetting } from './monitor.js';
import { DETECTOR_MODES, type DetectorMode } from './types.js';

/** The `proxy:` section of rampart.yaml. Flags win over it. */
export interface ProxyConfig {
  upstream?: string;
  listen?: string;
  admin?: string | false;
  store?: string;
  retentionDays?: number;
  spec?: string;
  mode?: DetectorMode;
  detectors: Partial<Record<DetectorId, DetectorSetting>>;
  trustedProxies: string[];
  jwtKey?: string;
  webhook?: string;
  bflaBaseline?: string;
  minVersion?: string;
  upstreamTimeoutMs?: number;
  maxBodyBytes?: number;
}

const KEYS = ['upstream', 'listen', 'admin', 'store', 'retentionDays', 'spec', 'mode', 'detectors', 'trustedProxies', 'jwtKey', 'webhook', 'bflaBaseline', 'minVersion', 'upstreamTimeoutMs', 'maxBodyBytes'];

/** Validates the section; errors read `proxy.detectors.bola.distinctIds: expected a number > 0, got "ten"`. */
export function readProxyConfig(section: unknown, file: string): ProxyConfig {
  const fail = (where: string, message: string): never => {
    throw new RampartError('RAMPART_CONFIG_INVALID', `proxy.${where}: ${message}`, { position: { file } });
  };
  const config: ProxyConfig = { detectors: {}, trustedProxies: [] };
  if (section === undefined || section === null) return config;
  if (typeof section !== 'object' || Array.isArray(section)) fail('', 'expected a mapping');
  const raw = section as Record<string, unknown>;
  for (const key of Object.keys(raw)) if (!KEYS.includes(key)) fail(key, `unknown key. Known: ${KEYS.join(', ')}`);
  const text = (key: string) => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') fail(key, `expected a non-empty string, got ${JSON.stringify(value)}`);
    return value as string;
  };
  const positive = (key: string) => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !(value > 0)) fail(key, `expected a number > 0, got ${JSON.stringify(value)}`);
    return value as number;
  };
  config.upstream = text('upstream');
  config.listen = text('listen');
  config.admin = raw.admin === false ? false : text('admin');
  config.store = text('store');
  config.spec = text('spec');
  config.jwtKey = text('jwtKey');
  config.webhook = text('webhook');
  config.bflaBaseline = text('bflaBaseline');
  config.minVersion = raw.minVersion === undefined ? undefined : String(raw.minVersion);
  config.retentionDays = positive('retentionDays');
  config.upstreamTimeoutMs = positive('upstreamTimeoutMs');
  config.maxBodyBytes = positive('maxBodyBytes');
  if (raw.mode !== undefined) config.mode = parseMode(raw.mode, (message) => fail('mode', message));
  if (raw.trustedProxies !== undefined) {
    if (!Array.isArray(raw.trustedProxies) || raw.trustedProxies.some((entry) => typeof entry !== 'string')) fail('trustedProxies', 'expected a list of addresses or CIDR blocks');
    config.trustedProxies = raw.trustedProxies as string[];
  }
  if (raw.detectors !== undefined) {
    if (!raw.detectors || typeof raw.detectors !== 'object' || Array.isArray(raw.detectors)) fail('detectors', 'expected a mapping of detector id to a mode or { mode, thresholds… }');
    for (const [id, value] of Object.entries(raw.detectors as Record<string, unknown>)) {
      if (!isDetectorId(id)) fail(`detectors.${id}`, `unknown detector. Available: ${Object.keys(detectors).join(', ')}`);
      config.detectors[id as DetectorId] = parseDetectorSetting(id as DetectorId, value, (where, message) => fail(`detectors.${id}${where}`, message));
    }
  }
  return config;
}

export function parseMode(value: unknown, fail: (message: string) => never): DetectorMode {
  if (typeof value !== 'string' || !(DETECTOR_MODES as readonly string[]).includes(value)) return fail(`expected off, monitor or enforce, got ${JSON.stringify(value)}`);
  return value as DetectorMode;
}

function parseDetectorSetting(id: DetectorId, value: unknown, fail: (where: string, message: string) => never): DetectorSetting {
  if (typeof value === 'string') return { mode: parseMode(value, (message) => fail('', message)) };
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail('', 'expected a mode or a mapping { mode, thresholds… }');
  const detector = detectors[id];
  const setting: DetectorSetting = { options: {} };
  for (const [key, option] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'mode') setting.mode = parseMode(option, (message) => fail('.mode', message));
    else if (!(key in detector.thresholds)) fail(`.${key}`, `unknown threshold. Known: mode${Object.keys(detector.thresholds).map((name) => `, ${name}`).join('')}`);
    else if (typeof option !== 'number' || !(option > 0)) fail(`.${key}`, `expected a number > 0, got ${JSON.stringify(option)}`);
    else setting.options![key] = option;
  }
  return setting;
}

/** `--detector bola=enforce`, `--threshold bola.distinctIds=10`: merged into the configured settings. */
export function applyDetectorFlags(settings: Partial<Record<DetectorId, DetectorSetting>>, modes: readonly string[], thresholds: readonly string[]): void {
  for (const flag of modes) {
    const [id, mode] = flag.split('=');
    if (!id || !isDetectorId(id)) throw new RampartError('RAMPART_USAGE', `--detector ${flag}: unknown detector "${id ?? ''}". Available: ${Object.keys(detectors).join(', ')}`);
    const parsed = parseMode(mode, (message) => {
      throw new RampartError('RAMPART_USAGE', `--detector ${flag}: ${message}`);
    });
    settings[id] = { ...settings[id], mode: parsed };
  }
  for (const flag of thresholds) {
    const match = /^([a-z-]+)\.([A-Za-z]+)=(.+)$/.exec(flag);
    if (!match || !isDetectorId(match[1]!)) throw new RampartError('RAMPART_USAGE', `--threshold ${flag}: expected <detector>.<threshold>=<number>, e.g. bola.distinctIds=10`);
    const id = match[1] as DetectorId;
    const name = match[2]!;
    const value = Number(match[3]);
    if (!(name in detectors[id].thresholds)) throw new RampartError('RAMPART_USAGE', `--threshold ${flag}: ${id} has no threshold "${name}". Known: ${Object.keys(detectors[id].thresholds).join(', ') || 'none'}`);
    if (!(value > 0)) throw new RampartError('RAMPART_USAGE', `--threshold ${flag}: expected a number > 0`);
    const current = settings[id] ?? {};
    settings[id] = { ...current, options: { ...current.options, [name]: value } };
  }
}
