import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import { RampartError } from '../core/errors.js';
import { parseSeverity } from '../core/severity.js';
import { applyDetectorFlags, parseMode, readProxyConfig } from '../monitor/config.js';
import { detectors } from '../monitor/detectors/index.js';
import { replayTraffic, startProxy, type MonitorSettings } from '../monitor/proxy.js';
import { PROXY_DOCS_URL } from '../monitor/types.js';
import type { RuleInfo } from '../report/types.js';
import { isTrafficFormat, trafficReaders } from '../traffic/readers/index.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { CommandIO } from './io.js';
import { useColor } from './io.js';
import { exitCodeFor } from './lint.js';
import { FORMAT_HELP, parseFormats, writeOutputs } from './output.js';

export interface ProxyFlags {
  upstream?: string;
  listen?: string;
  admin?: string;
  store?: string;
  retentionDays?: string;
  spec?: string;
  replay?: string[];
  inputFormat?: string;
  format?: string[];
  failSeverity?: string;
  mode?: string;
  detector?: string[];
  threshold?: string[];
  jwtKey?: string;
  trustedProxy?: string[];
  webhook?: string;
  alerts?: boolean;
  bflaBaseline?: string;
  minVersion?: string;
  upstreamTimeout?: string;
  maxBodyBytes?: string;
  drainTimeout?: string;
  config?: string | false;
  color?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/**
 * `rampart proxy`: live, a reverse proxy in front of `--upstream` that runs the detectors and
 * alerts (JSON lines on stdout, a webhook, the store); with `--replay`, the same detectors over
 * recorded traffic, reported through any reporter.
 */
export function registerProxy(program: Command, run: (action: () => Promise<number>) => Promise<void>, io: CommandIO, signals: ProxySignals = processSignals()): void {
  program
    .command('proxy')
    .description('Runtime sensor: a reverse proxy with contract checks and per-identity abuse detection; --replay runs it on recorded traffic.')
    .option('-u, --upstream <url>', 'the one origin requests are forwarded to (http://127.0.0.1:3000)')
    .option('-l, --listen <host:port>', 'where clients connect', '127.0.0.1:8080')
    .option('--admin <host:port|off>', '/metrics (Prometheus) and /healthz; loopback unless told otherwise', '127.0.0.1:9464')
    .option('--store <file>', 'SQLite store (WAL): inventory, alerts, redacted samples')
    .option('--retention-days <n>', 'delete stored alerts, samples and idle identities after this many days', '7')
    .option('-s, --spec <file>', 'API description: operation matching, contract validation, shadow/zombie')
    .option('--replay <files...>', 'offline: run the detectors on HAR, JSON-lines or access-log files instead of listening')
    .option('--input-format <format>', `with --replay, force the input format: ${Object.keys(trafficReaders).join(', ')}`)
    .option('-f, --format <format[:file]>', `with --replay: ${FORMAT_HELP}`, collect)
    .option('--fail-severity <severity>', 'with --replay, exit 1 when an alert is at or above this severity', 'error')
    .option('--mode <mode>', 'mode of every detector not set otherwise: off, monitor, enforce')
    .option('--detector <id=mode>', `one detector's mode (repeatable); detectors: ${Object.keys(detectors).join(', ')}`, collect)
    .option('--threshold <id.name=value>', 'one detector threshold (repeatable), e.g. bola.distinctIds=10', collect)
    .option('--jwt-key <file>', 'verify JWTs: PEM public key, JWKS file, or HMAC secret file')
    .option('--trusted-proxy <ip|cidr>', 'a proxy in front of Rampart whose X-Forwarded-For is believed (repeatable)', collect)
    .option('--webhook <url>', 'POST each alert as JSON (bounded queue, retries with backoff)')
    .option('--no-alerts', 'do not print alerts as JSON lines on stdout')
    .option('--bfla-baseline <file>', 'the learned role baseline (JSON): read when it exists, written after learning otherwise')
    .option('--min-version <version>', 'alert on calls to API versions older than this (path /v1/ or Api-Version header)')
    .option('--upstream-timeout <ms>', 'no response headers from the upstream within this time: 504', '30000')
    .option('--max-body-bytes <n>', 'request bodies above this size are refused with 413', String(10 * 1024 * 1024))
    .option('--drain-timeout <ms>', 'on SIGTERM, how long in-flight requests may take to finish', '10000')
    .option('-c, --config <file>', 'configuration with a proxy: section; default: rampart.yaml found upward')
    .option('--no-config', 'ignore configuration files')
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .action((flags: ProxyFlags) => run(() => proxyCommand(flags, io, signals)));
}

/** How the live proxy learns it should stop; injected so tests can stop it without signals. */
export interface ProxySignals {
  onStop: (stop: () => void) => () => void;
}

function processSignals(): ProxySignals {
  return {
    onStop(stop) {
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      return () => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
      };
    },
  };
}

function integer(value: string | undefined, flag: string, minimum = 0): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < minimum) throw new RampartError('RAMPART_USAGE', `${flag}: expected an integer ≥ ${minimum}, got "${value}"`);
  return parsed;
}

export async function proxyCommand(flags: ProxyFlags, io: CommandIO, signals: ProxySignals): Promise<number> {
  const loaded = loadConfig(io.cwd, flags.config === undefined ? undefined : flags.config);
  const configured = readProxyConfig((loaded?.config as { proxy?: unknown } | undefined)?.proxy, loaded ? path.relative(io.cwd, loaded.origin.file) || loaded.origin.file : '');
  // Paths in the configuration are relative to the configuration file.
  const fromConfig = (file: string | undefined) => (file && loaded ? path.resolve(path.dirname(loaded.origin.file), file) : file);
  const settings = { ...configured.detectors };
  applyDetectorFlags(settings, flags.detector ?? [], flags.threshold ?? []);
  const mode = flags.mode !== undefined ? parseMode(flags.mode, (message) => {
    throw new RampartError('RAMPART_USAGE', `--mode: ${message}`);
  }) : configured.mode;
  const warn = (message: string) => io.stderr(`${TOOL_NAME}: warning: ${message}\n`);
  const common: MonitorSettings = {
    cwd: io.cwd,
    spec: flags.spec ?? fromConfig(configured.spec),
    detectors: settings,
    defaultMode: mode,
    trustedProxies: [...configured.trustedProxies, ...(flags.trustedProxy ?? [])],
    jwtKeyFile: flags.jwtKey ?? fromConfig(configured.jwtKey),
    bflaBaseline: flags.bflaBaseline ?? fromConfig(configured.bflaBaseline),
    minVersion: flags.minVersion ?? configured.minVersion,
    warn,
  };

  if (flags.replay && flags.replay.length > 0) {
    if (flags.inputFormat && !isTrafficFormat(flags.inputFormat)) {
      throw new RampartError('RAMPART_USAGE', `--input-format: unknown format "${flags.inputFormat}". Available: ${Object.keys(trafficReaders).join(', ')}`);
    }
    const failSeverity = parseSeverity(flags.failSeverity ?? 'error');
    if (!failSeverity || failSeverity === 'off') throw new RampartError('RAMPART_USAGE', `--fail-severity: expected error, warning, info or hint, got "${flags.failSeverity}"`);
    const targets = parseFormats(flags.format);
    const result = await replayTraffic(flags.replay, { ...common, format: flags.inputFormat as never });
    const rules = new Map<string, RuleInfo>(Object.values(detectors).map((detector) => [`proxy-${detector.id}`, { id: `proxy-${detector.id}`, description: detector.description, defaultSeverity: detector.severity, owasp: detector.owasp, cwe: detector.cwe, docsUrl: PROXY_DOCS_URL }]));
    writeOutputs(targets, result.findings, {
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      cwd: io.cwd,
      command: 'proxy',
      rules,
      color: useColor(io, flags.color),
      inputs: result.files,
      blocks: { replay: { exchanges: result.exchanges, files: result.files, detectors: result.detectors } },
    }, io);
    return exitCodeFor(result.findings, failSeverity);
  }

  const upstream = flags.upstream ?? configured.upstream;
  if (!upstream) throw new RampartError('RAMPART_USAGE', 'proxy needs --upstream <url> (or --replay <files…>)');
  if (flags.format) throw new RampartError('RAMPART_USAGE', '--format applies to --replay; live alerts are JSON lines on stdout');
  const adminFlag = flags.admin ?? (configured.admin === false ? 'off' : configured.admin);
  const proxy = await startProxy({
    ...common,
    upstream,
    listen: flags.listen ?? configured.listen,
    admin: adminFlag === 'off' ? false : adminFlag,
    store: flags.store ?? fromConfig(configured.store),
    retentionDays: integer(flags.retentionDays, '--retention-days', 1) ?? configured.retentionDays,
    webhook: flags.webhook ?? configured.webhook,
    upstreamTimeoutMs: integer(flags.upstreamTimeout, '--upstream-timeout', 1) ?? configured.upstreamTimeoutMs,
    maxBodyBytes: integer(flags.maxBodyBytes, '--max-body-bytes', 0) ?? configured.maxBodyBytes,
    onAlert: flags.alerts === false ? undefined : (finding) => io.stdout(JSON.stringify({ type: 'rampart.alert', ...finding }) + '\n'),
  });
  io.stderr(`${TOOL_NAME} proxy: listening on ${proxy.url} → ${upstream}${proxy.adminUrl ? `; admin ${proxy.adminUrl}/metrics` : ''}; detectors ${proxy.monitor.running.map(({ id, mode: m }) => `${id}:${m}`).join(' ')}\n`);
  const drainMs = integer(flags.drainTimeout, '--drain-timeout', 0) ?? 10_000;
  await new Promise<void>((resolve) => {
    const release = signals.onStop(() => {
      release();
      resolve();
    });
  });
  io.stderr(`${TOOL_NAME} proxy: draining (${proxy.metrics.inFlight} in flight)\n`);
  await proxy.close(drainMs);
  io.stderr(`${TOOL_NAME} proxy: stopped\n`);
  return 0;
}
