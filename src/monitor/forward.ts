import { createServer, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Pool, type Dispatcher } from 'undici';
import { decodeBody } from '../traffic/body.js';
import { isTextualMediaType, mediaTypeOf, type Exchange, type ExchangeBody } from '../traffic/exchange.js';
import type { SqliteStore } from '../store/sqlite.js';
import type { IdentityResolver } from './identity.js';
import { methodLabel, observeSeries, statusClass, type ProxyMetrics, type RouteMetrics } from './metrics.js';
import type { Monitor, RequestDecision } from './monitor.js';
import { problemBody } from './problem.js';
import { redactSample } from './redact.js';

/** Connection-scoped headers (RFC 9110 §7.6.1) and proxy-only ones: never forwarded in either direction. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);
const FORWARDING = new Set(['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded', 'x-real-ip']);

export interface ForwardOptions {
  /** The only origin requests go to (`http://127.0.0.1:3000`, optionally with a base path). */
  upstream: URL;
  monitor: Monitor;
  identity: IdentityResolver;
  metrics: ProxyMetrics;
  store?: SqliteStore;
  /** No response headers from the upstream within this time: 504. */
  upstreamTimeoutMs?: number;
  /** A client that takes longer than this to send its headers gets 408 (slowloris). */
  headersTimeoutMs?: number;
  /** A request (headers and body) must arrive within this time. */
  requestTimeoutMs?: number;
  /** Request bodies above this are refused with 413. */
  maxBodyBytes?: number;
  /** Bytes of each body kept for analysis (the tee); the stream itself is never held back. */
  captureBytes?: number;
  maxHeaderBytes?: number;
  trustedProxy: (ip: string) => boolean;
  warn?: (message: string) => void;
}

export interface ForwardServer {
  server: Server;
  /** Stops accepting, lets in-flight requests finish (at most `drainMs`), then closes everything. */
  drain: (drainMs: number) => Promise<void>;
}

/**
 * The forwarding half of the proxy: HTTP/1.1 with keep-alive both ways, bodies streamed both ways
 * with a bounded tee for analysis, hop-by-hop headers removed, Forwarded/X-Forwarded-* set, upstream
 * failures as 502/504 problem+json. It only ever connects to `upstream`: absolute-form request
 * targets and Host headers choose nothing.
 */
export function createForwardServer(options: ForwardOptions): ForwardServer {
  const upstream = options.upstream;
  const basePath = upstream.pathname.replace(/\/$/, '');
  const upstreamHost = upstream.host;
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const captureBytes = options.captureBytes ?? 64 * 1024;
  const { metrics, monitor } = options;
  const receivedTotal = metrics.received.seriesFor({});
  // undici's pool: keep-alive connections to the one origin, about half the CPU per request of
  // node:http's client in this proxy's benchmark. The origin is fixed here; nothing a client sends
  // can change it. No body timeout: a stream may be quiet for long (server-sent events).
  const pool = new Pool(upstream.origin, { connections: 512, pipelining: 1, headersTimeout: upstreamTimeoutMs, bodyTimeout: 0 });
  let draining = false;

  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const server = createServer({
    maxHeaderSize: options.maxHeaderBytes ?? 16 * 1024,
    headersTimeout,
    // Node checks those timeouts on this interval (30 s by default): too slow to stop a slowloris.
    connectionsCheckingInterval: Math.max(50, Math.min(1000, headersTimeout / 2)),
    requestTimeout: options.requestTimeoutMs ?? 60_000,
    keepAliveTimeout: 5_000,
  }, (request, response) => handle(request, response));

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const startedAt = Date.now();
    const t0 = performance.now();
    receivedTotal.value++;
    metrics.inFlight++;
    const method = (request.method ?? 'GET').toUpperCase();
    let operationLabel = '(unmatched)';
    // The series of this request's operation and method, once the operation is known.
    let route: RouteMetrics | undefined;
    let done = false;
    const account = (outcome: string, status: number) => {
      if (done) return;
      done = true;
      metrics.inFlight--;
      (route ?? metrics.route(operationLabel, methodLabel(method))).answer(outcome, status);
    };
    if (draining) response.setHeader('connection', 'close');
    const refuse = (status: number, title: string, detail: string, outcome: string, extra: Record<string, string> = {}) => {
      if (!response.headersSent) {
        const body = problemBody(status, title, detail);
        response.writeHead(status, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body), ...extra });
        response.end(body);
      } else response.destroy();
      account(outcome, status);
      // Whatever the client still sends is read and discarded, so the connection stays usable.
      request.resume();
    };

    // The request target picks a path, never a host: absolute-form URIs keep only their path and query.
    const target = request.url ?? '/';
    let pathAndQuery: string;
    if (target.startsWith('/')) pathAndQuery = target;
    else if (/^https?:\/\//i.test(target)) {
      try {
        const absolute = new URL(target);
        pathAndQuery = absolute.pathname + absolute.search;
      } catch {
        return refuse(400, 'Bad request target', 'the request target is not a valid URL', 'rejected');
      }
    } else return refuse(400, 'Bad request target', 'only origin-form or absolute-form request targets are accepted', 'rejected');
    const peer = normalizePeer(request.socket.remoteAddress);
    let url: URL;
    try {
      url = new URL(`http://${forwardedFor(request.headers.host, peer).host ?? 'proxy.invalid'}${pathAndQuery}`);
    } catch {
      return refuse(400, 'Bad request target', 'the request target is not a valid path', 'rejected');
    }
    const declaredLength = Number(request.headers['content-length'] ?? 0);
    if (declaredLength > maxBodyBytes) return refuse(413, 'Request body too large', `bodies above ${maxBodyBytes} bytes are refused`, 'rejected', { connection: 'close' });

    const headers = flatHeaders(request.headers);
    const ip = options.identity.clientIp(peer, headers['x-forwarded-for']);
    const decision: RequestDecision = monitor.request({ method, url, headers, ip, now: startedAt });
    const view = decision.view;
    operationLabel = view.operation?.id ?? (view.hasSpec ? '(undocumented)' : '(unmatched)');
    route = metrics.route(operationLabel, methodLabel(method));
    observeSeries(route.proxySeconds, (performance.now() - t0) / 1000);
    if (decision.block) {
      const { status, title, detail, retryAfterSeconds, detector } = decision.block;
      metrics.alerts.inc({ detector, operation: operationLabel, action: 'blocked' });
      return refuse(status, title, detail, 'blocked', retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {});
    }

    const outgoing = forwardHeaders(request.headers, { peer, trusted: options.trustedProxy(peer), upstreamHost });
    const requestType = mediaTypeOf(headers['content-type']);
    const requestTee = new Tee(isTextualMediaType(requestType) || requestType === '' ? captureBytes : 0);
    let received = 0;
    // No body (RFC 9112 §6.3: neither Content-Length nor Transfer-Encoding, or a length of 0): none is
    // sent, and Node discards the empty stream when the response finishes.
    const hasBody = declaredLength > 0 || request.headers['transfer-encoding'] !== undefined;
    // The body streams through a generator: counted, teed and cut at the limit; undici waits for the
    // upstream socket to drain between chunks (back-pressure), so nothing is buffered whole.
    const body = hasBody ? (async function* relay() {
      for await (const chunk of request as AsyncIterable<Buffer>) {
        received += chunk.length;
        if (received > maxBodyBytes) {
          refuse(413, 'Request body too large', `bodies above ${maxBodyBytes} bytes are refused`, 'rejected', { connection: 'close' });
          throw new BodyTooLargeError();
        }
        requestTee.push(chunk);
        yield chunk;
      }
    })() : null;
    let abortUpstream: ((reason?: Error) => void) | undefined;
    // The client went away before its answer was complete: stop the upstream exchange too.
    response.on('close', () => {
      if (!response.writableFinished) {
        abortUpstream?.(new ClientGoneError());
        account('client_aborted', 499);
      }
    });
    const upstreamStarted = performance.now();
    let status = 502;
    let upstreamHeaders: IncomingHttpHeaders = {};
    let responseType = '';
    let responseTee: Tee | undefined;
    let resumeUpstream: (() => void) | undefined;
    // undici takes any async iterable as a body (its types list only streams and buffers).
    pool.dispatch({ method: method as Dispatcher.HttpMethod, path: basePath + pathAndQuery, headers: outgoing as Record<string, string | string[]>, body: body as Dispatcher.DispatchOptions['body'] }, {
      onConnect(abort) {
        abortUpstream = abort;
        if (done) abort(new ClientGoneError());
      },
      onHeaders(statusCode, rawHeaders, resume, statusText) {
        // Informational answers (100, 103) are the upstream's business with its own hop.
        if (statusCode < 200) return true;
        status = statusCode;
        upstreamHeaders = headersFromRaw(rawHeaders);
        responseType = mediaTypeOf(upstreamHeaders['content-type'] as string | undefined);
        responseTee = new Tee(isTextualMediaType(responseType) ? captureBytes : 0);
        try {
          response.writeHead(statusCode, statusText || undefined, responseHeadersFrom(upstreamHeaders, draining));
        } catch {
          abortUpstream?.(new ClientGoneError());
          refuse(502, 'Bad gateway', 'the upstream sent headers that cannot be relayed', 'upstream_error');
          return false;
        }
        resumeUpstream = resume;
        return true;
      },
      onData(chunk) {
        responseTee!.push(chunk);
        if (response.write(chunk)) return true;
        // The client is slower than the upstream: pause the upstream socket until it drains (a
        // listener only then: most responses never fill the socket).
        response.once('drain', resumeUpstream!);
        return false;
      },
      onComplete() {
        response.end();
        const elapsed = (performance.now() - upstreamStarted) / 1000;
        observeSeries(route!.upstreamSeconds, elapsed);
        account('forwarded', status);
        analyse(elapsed);
      },
      onError(error: Error & { code?: string }) {
        if (done) return;
        if (error instanceof BodyTooLargeError || error instanceof ClientGoneError) return;
        if (response.headersSent) {
          response.destroy();
          account('upstream_error', 502);
        } else if (error.code === 'UND_ERR_HEADERS_TIMEOUT') refuse(504, 'Upstream timeout', `the upstream did not answer within ${upstreamTimeoutMs} ms`, 'upstream_timeout', { connection: 'close' });
        else refuse(502, 'Bad gateway', `the upstream could not be reached or broke the connection (${upstreamErrorCode(error)})`, 'upstream_error', { connection: 'close' });
      },
    });

    const analyse = (elapsedSeconds: number) => {
      const exchange: Exchange = {
        startedAt,
        durationMs: elapsedSeconds * 1000,
        request: { method, url: url.href, headers, body: requestTee.body(requestType, headers['content-encoding'], received) },
        response: { status, headers: flatHeaders(upstreamHeaders), body: responseTee!.body(responseType, upstreamHeaders['content-encoding'] as string | undefined) },
        origin: 'proxy',
      };
      try {
        monitor.response(decision, exchange);
      } catch (error) {
        options.warn?.(`analysis failed: ${(error as Error).message}`);
      }
      options.store?.recordExchange({
        at: startedAt,
        method: view.operation?.method ?? method,
        route: view.route,
        operationKey: view.operationKey,
        operationId: view.operation?.id,
        status,
        identity: view.identity.id,
        identityKind: view.identity.kind,
        role: view.identity.role,
        sample: () => redactSample(exchange, view.url),
      });
    };
  };

  // Malformed requests, oversized headers and slow clients never reach `handle`: answer and close.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const code = error.code ?? 'unknown';
    metrics.clientErrors.inc({ reason: code });
    if (!socket.writable || (error as { bytesParsed?: number }).bytesParsed === 0 && code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, title] = code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request header fields too large'] : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request timeout'] : [400, 'Bad request'];
    const body = problemBody(status, title, 'the request could not be parsed');
    socket.end(`HTTP/1.1 ${status} ${title}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  // CONNECT would make this an open proxy; protocol upgrades are not relayed.
  server.on('connect', (request: IncomingMessage, socket: Socket) => rawRefusal(request, socket, 405, 'Method not allowed', 'CONNECT is never relayed'));
  server.on('upgrade', (request: IncomingMessage, socket: Socket) => rawRefusal(request, socket, 501, 'Not implemented', 'protocol upgrades are not relayed'));
  const rawRefusal = (request: IncomingMessage, socket: Socket, status: number, title: string, detail: string) => {
    metrics.received.inc();
    metrics.requests.inc({ operation: '(unmatched)', method: methodLabel((request.method ?? '').toUpperCase()), status_class: statusClass(status), outcome: 'rejected' });
    const body = problemBody(status, title, detail);
    socket.end(`HTTP/1.1 ${status} ${title}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  };

  return {
    server,
    async drain(drainMs) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + drainMs;
      while (metrics.inFlight > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        server.closeIdleConnections();
      }
      server.closeAllConnections();
      await closed;
      await pool.destroy();
    },
  };
}

/** Why Rampart itself ended an upstream exchange (already answered): not an upstream failure. */
class BodyTooLargeError extends Error {}
class ClientGoneError extends Error {}

/** The upstream's failure as a short code for the problem detail (no message: it may carry internals). */
function upstreamErrorCode(error: Error & { code?: string; cause?: unknown }): string {
  const cause = error.cause as { code?: string } | undefined;
  return cause?.code ?? error.code ?? 'error';
}

/** undici's raw header list as Node's IncomingMessage would present it: lower-case names, repeats joined (set-cookie kept apart). */
function headersFromRaw(raw: Buffer[] | string[]): IncomingHttpHeaders {
  const headers: Record<string, string | string[]> = {};
  for (let k = 0; k + 1 < raw.length; k += 2) {
    const name = raw[k]!.toString('latin1').toLowerCase();
    const value = raw[k + 1]!.toString('latin1');
    const previous = headers[name];
    if (previous === undefined) headers[name] = name === 'set-cookie' ? [value] : value;
    else if (Array.isArray(previous)) previous.push(value);
    else headers[name] = `${previous}, ${value}`;
  }
  return headers as IncomingHttpHeaders;
}

/** Keeps the first `limit` bytes of a stream, and whether there was more. */
class Tee {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private total = 0;
  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.kept >= this.limit) return;
    const part = chunk.length <= this.limit - this.kept ? chunk : chunk.subarray(0, this.limit - this.kept);
    this.chunks.push(part);
    this.kept += part.length;
  }

  body(mediaType: string, contentEncoding: string | undefined, size = this.total): ExchangeBody | undefined {
    if (this.total === 0) return mediaType ? { mediaType, size: 0 } : undefined;
    if (this.kept < this.total) return { mediaType, size, opaque: true };
    const bytes = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.kept);
    // Compressed and binary bodies go through the same decoder the traffic readers use.
    if (contentEncoding) return decodeBody({ mediaType, text: bytes.toString('base64'), encoding: 'base64', contentEncoding, size });
    return { mediaType, text: bytes.toString('utf8'), size };
  }
}

/** Headers with repeated values joined; Node's own object when none is repeated (the usual case: no copy per request). */
export function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  let single = true;
  for (const name in headers) {
    if (typeof headers[name] !== 'string') {
      single = false;
      break;
    }
  }
  if (single) return headers as Record<string, string>;
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    flat[name] = typeof value === 'string' ? value : value.join(', ');
  }
  return flat;
}

/** Header names a `Connection` header lists (they are hop-by-hop too); none for the usual `keep-alive` / `close`. */
function connectionListed(connection: string | string[] | undefined): Set<string> | undefined {
  if (connection === undefined) return undefined;
  const value = String(connection).toLowerCase();
  if (value === 'keep-alive' || value === 'close') return undefined;
  return new Set(value.split(',').map((name) => name.trim()).filter(Boolean));
}

/** Request headers for the upstream: hop-by-hop and Connection-listed headers removed, forwarding headers set. */
export function forwardHeaders(headers: IncomingHttpHeaders, context: { peer: string; trusted: boolean; upstreamHost: string }): OutgoingHttpHeaders {
  const listed = connectionListed(headers.connection);
  const out: OutgoingHttpHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    // `Expect: 100-continue` was met at this hop (Node answered 100 before the body came).
    if (value === undefined || HOP_BY_HOP.has(name) || listed?.has(name) || name === 'host' || name === 'expect') continue;
    // Forwarding headers from an untrusted client are lies until proven otherwise: replaced, not appended.
    if (FORWARDING.has(name) && !context.trusted) continue;
    out[name] = value;
  }
  // `TE: trailers` is the one TE value that may pass (gRPC-style upstreams need it).
  if (headers.te !== undefined && /\btrailers\b/i.test(String(headers.te))) out.te = 'trailers';
  const { host, element } = forwardedFor(headers.host, context.peer);
  const previousFor = context.trusted ? (headers['x-forwarded-for'] as string | undefined) : undefined;
  out['x-forwarded-for'] = previousFor ? `${previousFor}, ${context.peer}` : context.peer;
  out['x-forwarded-proto'] = context.trusted && headers['x-forwarded-proto'] ? headers['x-forwarded-proto'] : 'http';
  if (host) out['x-forwarded-host'] = context.trusted && headers['x-forwarded-host'] ? headers['x-forwarded-host'] : host;
  out.forwarded = context.trusted && headers.forwarded ? `${headers.forwarded}, ${element}` : element;
  out.via = headers.via ? `${headers.via}, 1.1 rampart` : '1.1 rampart';
  out.host = context.upstreamHost;
  return out;
}

function responseHeadersFrom(headers: IncomingHttpHeaders, draining: boolean): OutgoingHttpHeaders {
  const listed = connectionListed(headers.connection);
  const out: OutgoingHttpHeaders = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || listed?.has(name)) continue;
    out[name] = value;
  }
  if (draining) out.connection = 'close';
  return out;
}

/** The sanitized Host and this hop's `Forwarded` element, for the last Host and peer seen (keep-alive clients repeat both). */
let lastForwarded: { hostHeader: string | undefined; peer: string; host: string | undefined; element: string } | undefined;

function forwardedFor(hostHeader: string | undefined, peer: string): { host: string | undefined; element: string } {
  const last = lastForwarded;
  if (last && last.hostHeader === hostHeader && last.peer === peer) return last;
  const host = sanitizeHost(hostHeader);
  const forFor = peer.includes(':') ? `"[${peer}]"` : peer || 'unknown';
  lastForwarded = { hostHeader, peer, host, element: `for=${forFor};proto=http${host ? `;host="${host}"` : ''}` };
  return lastForwarded;
}

/** A Host header is only used for messages and X-Forwarded-Host, and only when it is a plain host[:port]. */
function sanitizeHost(host: string | undefined): string | undefined {
  return host && /^[A-Za-z0-9.\-:[\]]{1,255}$/.test(host) ? host : undefined;
}

function normalizePeer(address: string | undefined): string {
  if (!address) return '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

export function addressOf(server: Server): { host: string; port: number } {
  const address = server.address() as AddressInfo;
  return { host: address.address, port: address.port };
}
