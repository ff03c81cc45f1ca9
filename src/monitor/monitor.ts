import type { Finding } from '../core/finding.js';
import { parseBody } from '../discover/observe.js';
import type { Exchange } from '../traffic/exchange.js';
import { templateSinglePath } from '../traffic/single-path-template.js';
import type { Contract } from './contract.js';
import { detectors as builtinDetectors, type DetectorId } from './detectors/index.js';
import type { IdentityResolver } from './identity.js';
import { LruMap } from './state.js';
import { defaultOptions, PROXY_DOCS_URL, type Detector, type DetectorHit, type DetectorInstance, type DetectorMode, type ExchangeView, type RequestView } from './types.js';

export interface DetectorSetting {
  /** Absent: the run's default mode, else the detector's own. */
  mode?: DetectorMode;
  options?: Record<string, number>;
}

export interface MonitorOptions {
  identity: IdentityResolver;
  contract?: Contract;
  /** Per-detector mode and thresholds; absent detectors run in their default mode. */
  detectors?: Partial<Record<DetectorId, DetectorSetting>>;
  /** Mode for every detector not listed in `detectors` (default: each detector's default). */
  defaultMode?: DetectorMode;
  /** The same alert key is raised once per cooldown (ms of traffic time). */
  cooldownMs?: number;
  baselineFile?: string;
  minVersion?: string;
  /** Each alert, as a Finding, the moment it is raised. */
  onAlert?: (finding: Finding) => void;
  warn?: (message: string) => void;
}

/** What the request phase decided. `block` is set only by a detector in enforce mode. */
export interface RequestDecision {
  view: RequestView;
  block?: { detector: string; status: number; title: string; detail: string; retryAfterSeconds?: number };
}

interface Active {
  detector: Detector;
  mode: Exclude<DetectorMode, 'off'>;
  instance: DetectorInstance;
}

export const DEFAULT_COOLDOWN_MS = 60_000;

/**
 * The one pipeline behind the live proxy and `--replay`: identity → operation → request-phase
 * detectors (which may block in enforce mode) → response-phase detectors → alerts as Findings.
 * Time is the exchange's own clock, so replayed traffic raises the alerts it raised live.
 */
export class Monitor {
  private readonly active: Active[] = [];
  /** The active detectors that have a request (response) hook, so the hot loops skip the others. */
  private readonly requestPhase: Active[];
  private readonly responsePhase: Active[];
  private readonly contract?: Contract;
  private readonly lastAlert: LruMap<string, number>;
  private readonly cooldownMs: number;
  readonly counters = { alerts: 0, suppressed: 0, blocked: 0, detectorErrors: 0 };

  constructor(private readonly options: MonitorOptions) {
    this.cooldownMs = options.cooldownMs ?? DEFAULT_COOLDOWN_MS;
    this.lastAlert = new LruMap(20_000);
    const context = { baselineFile: options.baselineFile, minVersion: options.minVersion, contract: options.contract, warn: options.warn ?? (() => undefined) };
    for (const [id, detector] of Object.entries(builtinDetectors) as [DetectorId, Detector][]) {
      const setting = options.detectors?.[id];
      let mode = setting?.mode ?? options.defaultMode ?? detector.defaultMode;
      if (mode === 'off' || (detector.needsSpec && !options.contract)) continue;
      // A detector that cannot block (it judges what already left) runs in monitor mode.
      if (mode === 'enforce' && !detector.enforceable) mode = 'monitor';
      const merged = { ...defaultOptions(detector), ...setting?.options };
      this.active.push({ detector, mode, instance: detector.create(merged, context) });
    }
    this.requestPhase = this.active.filter(({ instance }) => instance.request);
    this.responsePhase = this.active.filter(({ instance }) => instance.response);
    this.contract = options.contract;
  }

  /** Ids and modes of the detectors that run. */
  get running(): { id: string; mode: DetectorMode }[] {
    return this.active.map(({ detector, mode }) => ({ id: detector.id, mode }));
  }

  stateSize(): number {
    return this.active.reduce((total, { instance }) => total + (instance.stateSize?.() ?? 0), 0);
  }

  /** The request phase: who, which operation, and whether an enforcing detector refuses it. */
  request(input: { method: string; url: URL; headers: Record<string, string>; ip: string; now: number; replay?: boolean }): RequestDecision {
    const identity = this.options.identity.resolve(input.headers, input.ip, input.now);
    const method = input.method.toUpperCase();
    const matched = this.contract?.match(method, input.url.pathname);
    // Undocumented: templated on its own, so no raw path value reaches a key, the store or an alert.
    const templated = matched ? undefined : templateSinglePath(input.url.pathname);
    const operation = matched?.operation;
    const route = matched ? operation!.path : templated!.path;
    const key = operation ? operation.key : `${method} ${route}`;
    // One object for both phases, with the response fields present from the start: one allocation
    // per request and one shape for every detector's property reads.
    const view: ExchangeView = {
      method,
      url: input.url,
      headers: input.headers,
      now: input.now,
      identity,
      operation,
      route,
      pathParams: matched ? matched.params : templated!.params,
      hasSpec: this.contract !== undefined,
      operationKey: key,
      identityOperationKey: `${identity.id} ${key}`,
      exchange: undefined as unknown as Exchange,
      status: 0,
      requestJson: undefined,
      responseJson: undefined,
    };
    const decision: RequestDecision = { view };
    // Plain loops, no closure per detector: this runs for every request on the proxy's one thread.
    for (const active of this.requestPhase) {
      let hit: DetectorHit | undefined;
      try {
        hit = active.instance.request!(view);
      } catch (error) {
        this.failed(active, error);
        continue;
      }
      if (!hit) continue;
      const enforcing = active.mode === 'enforce' && hit.block !== undefined;
      const blocking = enforcing && !input.replay;
      if (!hit.silent) this.raise(active, view, hit, blocking ? 'blocked' : enforcing ? 'would-block' : 'alerted');
      if (enforcing && !decision.block) {
        decision.block = { detector: active.detector.id, status: hit.block!.status, title: hit.block!.title, detail: hit.message, retryAfterSeconds: hit.block!.retryAfterSeconds };
      }
    }
    if (decision.block && !input.replay) this.counters.blocked++;
    return decision;
  }

  /** The response phase, on the whole exchange (bounded bodies). Not called for blocked requests. */
  response(decision: RequestDecision, exchange: Exchange): void {
    if (this.responsePhase.length === 0) return;
    const view = decision.view as ExchangeView;
    view.exchange = exchange;
    view.status = exchange.response?.status ?? 0;
    view.requestJson = parseBody(exchange.request.body).value;
    view.responseJson = parseBody(exchange.response?.body).value;
    for (const active of this.responsePhase) {
      let hit: DetectorHit | undefined;
      try {
        hit = active.instance.response!(view);
      } catch (error) {
        this.failed(active, error);
        continue;
      }
      if (hit) this.raise(active, view, hit, 'alerted');
    }
  }

  /** Every exchange of a recording, as if it had passed live (nothing can be blocked: `would-block`). */
  replay(exchange: Exchange): void {
    let url: URL;
    try {
      url = new URL(exchange.request.url, 'http://replay.invalid');
    } catch {
      return;
    }
    const headers = exchange.request.headers;
    const ip = replayClientIp(exchange, this.options.identity);
    const decision = this.request({ method: exchange.request.method, url, headers, ip, now: Number.isFinite(exchange.startedAt) ? exchange.startedAt : 0, replay: true });
    if (exchange.response) this.response(decision, exchange);
  }

  /** Writes what detectors keep on disk (the BFLA baseline). */
  close(): void {
    for (const { instance } of this.active) instance.close?.();
  }

  private failed(active: Active, error: unknown): void {
    // One broken detector never stops traffic or the other detectors.
    this.counters.detectorErrors++;
    this.options.warn?.(`detector ${active.detector.id} failed: ${(error as Error).message}`);
  }

  private raise(active: Active, view: RequestView, hit: DetectorHit, action: 'blocked' | 'would-block' | 'alerted'): void {
    const key = `${active.detector.id} ${hit.key}`;
    const last = this.lastAlert.get(key);
    if (last !== undefined && view.now - last < this.cooldownMs) {
      this.counters.suppressed++;
      return;
    }
    this.lastAlert.set(key, view.now);
    this.counters.alerts++;
    this.options.onAlert?.(toFinding(active.detector, active.mode, view, hit, action));
  }
}

function toFinding(detector: Detector, mode: DetectorMode, view: RequestView, hit: DetectorHit, action: string): Finding {
  return {
    ruleId: `proxy-${detector.id}`,
    severity: hit.severity ?? detector.severity,
    message: hit.message,
    location: { method: view.operation?.method ?? view.method, path: view.route, host: view.url.host || undefined },
    owasp: detector.owasp,
    cwe: detector.cwe,
    fix: detector.fix,
    docsUrl: PROXY_DOCS_URL,
    evidence: {
      identity: view.identity.id,
      identityKind: view.identity.kind,
      role: view.identity.role,
      clientIp: view.identity.ip,
      operationId: view.operation?.id,
      mode,
      action,
      at: Number.isFinite(view.now) ? new Date(view.now).toISOString() : undefined,
      request: `${view.method} ${redactedTarget(view.route, view.url)}`,
      ...hit.evidence,
    },
  };
}

/**
 * The request target as alerts and stored samples show it: the route (documented or templated, so
 * `/users/{userId}`, never the ID, e-mail or token the path held) and query names without values.
 */
export function redactedTarget(route: string, url: URL): string {
  const names = [...url.searchParams.keys()];
  return names.length === 0 ? route : `${route}?${names.map((name) => `${encodeURIComponent(name)}=…`).join('&')}`;
}

/** Recorded traffic has no socket: the source's client field when it is an address, else X-Forwarded-For as recorded. */
function replayClientIp(exchange: Exchange, identity: IdentityResolver): string {
  if (exchange.client && /^[0-9a-f:.]+$/i.test(exchange.client)) return identity.clientIp(exchange.client, undefined);
  const forwarded = exchange.request.headers['x-forwarded-for']?.split(',')[0]?.trim();
  return forwarded ? identity.clientIp(forwarded, undefined) : 'unknown';
}
