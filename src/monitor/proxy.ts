import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { RampartError } from '../core/errors.js';
import { compareFindings, type Finding } from '../core/finding.js';
import { expandInputs } from '../core/files.js';
import { SqliteStore } from '../store/sqlite.js';
import { readTraffic, type TrafficFormat } from '../traffic/readers/index.js';
import { Contract } from './contract.js';
import type { DetectorId } from './detectors/index.js';
import { addressOf, createForwardServer } from './forward.js';
import { IdentityResolver } from './identity.js';
import { ProxyMetrics } from './metrics.js';
import { Monitor, type DetectorSetting } from './monitor.js';
import type { DetectorMode } from './types.js';
import { WebhookSink } from './webhook.js';

/** What both the live proxy and the replay take. */
export interface MonitorSettings {
  cwd?: string;
  /** The API description: contract checks, operation ids for metrics. */
  spec?: string;
  detectors?: Partial<Record<DetectorId, DetectorSetting>>;
  defaultMode?: DetectorMode;
  trustedProxies?: string[];
  jwtKeyFile?: string;
  bflaBaseline?: string;
  minVersion?: string;
  cooldownMs?: number;
  warn?: (message: string) => void;
}

export interface ProxyOptions extends MonitorSettings {
  upstream: string;
  /** `host:port`; default 127.0.0.1:8080. Port 0 picks a free one. */
  listen?: string;
  /** `host:port` for /metrics and /healthz, or false; default 127.0.0.1:9464. */
  admin?: string | false;
  store?: string;
  retentionDays?: number;
  webhook?: string;
  /** Each alert as it is raised (the CLI prints JSON lines). */
  onAlert?: (finding: Finding) => void;
  upstreamTimeoutMs?: number;
  maxBodyBytes?: number;
  captureBytes?: number;
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export interface RunningProxy {
  url: string;
  adminUrl?: string;
  metrics: ProxyMetrics;
  monitor: Monitor;
  store?: SqliteStore;
  webhook?: WebhookSink;
  /** Graceful: stop accepting, finish in-flight requests (at most `drainMs`), flush the store and the webhook. */
  close: (drainMs?: number) => Promise<void>;
}

async function buildMonitor(settings: MonitorSettings, onAlert: (finding: Finding) => void): Promise<{ monitor: Monitor; identity: IdentityResolver; contract?: Contract }> {
  const cwd = settings.cwd ?? process.cwd();
  const contract = settings.spec ? await Contract.load(settings.spec, cwd) : undefined;
  const identity = new IdentityResolver({ trustedProxies: settings.trustedProxies, jwtKeyFile: settings.jwtKeyFile && path.resolve(cwd, settings.jwtKeyFile) });
  const monitor = new Monitor({
    identity,
    contract,
    detectors: settings.detectors,
    defaultMode: settings.defaultMode,
    cooldownMs: settings.cooldownMs,
    baselineFile: settings.bflaBaseline && path.resolve(cwd, settings.bflaBaseline),
    minVersion: settings.minVersion,
    onAlert,
    warn: settings.warn,
  });
  return { monitor, identity, contract };
}

/** Starts the proxy and its admin server; resolves once both listen. */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  let upstream: URL;
  try {
    upstream = new URL(options.upstream);
  } catch {
    throw new RampartError('RAMPART_USAGE', `--upstream: expected an http(s) URL, got "${options.upstream}"`);
  }
  if (upstream.protocol !== 'http:' && upstream.protocol !== 'https:') throw new RampartError('RAMPART_USAGE', `--upstream: expected an http(s) URL, got "${options.upstream}"`);
  if (upstream.search || upstream.hash) throw new RampartError('RAMPART_USAGE', '--upstream: a base URL takes no query or fragment');
  const listen = parseHostPort(options.listen ?? '127.0.0.1:8080', '--listen');
  const admin = options.admin === false ? undefined : parseHostPort(options.admin ?? '127.0.0.1:9464', '--admin');
  const metrics = new ProxyMetrics();
  const store = options.store ? SqliteStore.open(path.resolve(options.cwd ?? process.cwd(), options.store), { retentionDays: options.retentionDays, warn: options.warn }) : undefined;
  let webhook: WebhookSink | undefined;
  if (options.webhook) {
    try {
      webhook = new WebhookSink({ url: options.webhook, warn: options.warn });
    } catch (error) {
      throw new RampartError('RAMPART_USAGE', `--webhook: ${(error as Error).message}`);
    }
  }
  const { monitor, identity } = await buildMonitor(options, (finding) => {
    const evidence = finding.evidence ?? {};
    metrics.alerts.inc({ detector: finding.ruleId.replace(/^proxy-/, ''), operation: String(evidence.operationId ?? '(unmatched)'), action: String(evidence.action) });
    if (finding.ruleId === 'proxy-request-contract' || finding.ruleId === 'proxy-response-contract') {
      metrics.validationFailures.inc({ operation: String(evidence.operationId ?? '(unmatched)'), method: finding.location && 'method' in finding.location ? finding.location.method : 'OTHER', direction: finding.ruleId === 'proxy-request-contract' ? 'request' : 'response' });
    }
    store?.recordAlert(finding);
    webhook?.push(finding);
    options.onAlert?.(finding);
  });
  metrics.detectorState = () => monitor.stateSize();
  const forward = createForwardServer({
    upstream,
    monitor,
    identity,
    metrics,
    store,
    trustedProxy: (ip) => identity.isTrusted(ip),
    upstreamTimeoutMs: options.upstreamTimeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    captureBytes: options.captureBytes,
    headersTimeoutMs: options.headersTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs,
    warn: options.warn,
  });
  let draining = false;
  const adminServer = admin ? createServer((request, response) => {
    const pathname = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && pathname === '/metrics') {
      if (store) metrics.storeDropped.series.clear(), metrics.storeDropped.inc({}, store.counters.dropped);
      if (webhook) metrics.webhookDropped.series.clear(), metrics.webhookDropped.inc({}, webhook.counters.dropped + webhook.counters.failed);
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      response.end(metrics.render());
    } else if (request.method === 'GET' && pathname === '/healthz') {
      response.writeHead(draining ? 503 : 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: draining ? 'draining' : 'ok', inFlight: metrics.inFlight, detectors: monitor.running }));
    } else {
      response.writeHead(404, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, detail: 'the admin server serves /metrics and /healthz' }));
    }
  }) : undefined;
  try {
    await listenOn(forward.server, listen);
    if (adminServer && admin) await listenOn(adminServer, admin);
  } catch (error) {
    forward.server.close();
    adminServer?.close();
    await store?.close();
    throw new RampartError('RAMPART_USAGE', `cannot listen: ${(error as Error).message}`, { cause: error });
  }
  const bound = addressOf(forward.server);
  const adminBound = adminServer ? addressOf(adminServer) : undefined;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${formatHost(bound.host)}:${bound.port}`,
    adminUrl: adminBound && `http://${formatHost(adminBound.host)}:${adminBound.port}`,
    metrics,
    monitor,
    store,
    webhook,
    close: (drainMs = 10_000) =>
      (closing ??= (async () => {
        draining = true;
        await forward.drain(drainMs);
        monitor.close();
        await store?.close();
        await webhook?.close();
        if (adminServer) await new Promise<void>((resolve) => {
          adminServer.closeAllConnections();
          adminServer.close(() => resolve());
        });
      })()),
  };
}

export interface ReplayOptions extends MonitorSettings {
  format?: TrafficFormat;
  maxBodyBytes?: number;
}

export interface ReplayResult {
  findings: Finding[];
  exchanges: number;
  files: string[];
  warnings: string[];
  detectors: { id: string; mode: DetectorMode }[];
}

/** Runs recorded traffic (HAR, JSON lines, access logs) through the live pipeline, offline. */
export async function replayTraffic(inputs: readonly string[], options: ReplayOptions = {}): Promise<ReplayResult> {
  const cwd = options.cwd ?? process.cwd();
  const files = expandInputs(inputs, cwd);
  const display = (file: string) => path.relative(cwd, file) || file;
  const findings: Finding[] = [];
  const warnings: string[] = [];
  const warn = (message: string) => {
    if (warnings.length < 1000) warnings.push(message);
    options.warn?.(message);
  };
  const { monitor } = await buildMonitor({ ...options, warn }, (finding) => findings.push(finding));
  let exchanges = 0;
  for await (const exchange of readTraffic(files, { format: options.format, maxBodyBytes: options.maxBodyBytes, warn, displayName: display })) {
    exchanges++;
    monitor.replay(exchange);
  }
  if (exchanges === 0 && warnings.length > 0) throw new RampartError('RAMPART_PARSE_FAILED', `no exchange could be read: ${warnings[0]}`);
  monitor.close();
  return { findings: findings.sort(compareFindings), exchanges, files: files.map(display), warnings, detectors: monitor.running };
}

function parseHostPort(value: string, flag: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value) ?? /^()()(\d{1,5})$/.exec(value);
  const port = Number(match?.[3]);
  if (!match || port > 65535) throw new RampartError('RAMPART_USAGE', `${flag}: expected host:port (127.0.0.1:8080), got "${value}"`);
  return { host: match[1] || match[2] || '127.0.0.1', port };
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function listenOn(server: Server, where: { host: string; port: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(where.port, where.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
