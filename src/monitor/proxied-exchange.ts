import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Dispatcher, Pool } from 'undici';
import { isTextualMediaType, mediaTypeOf, type Exchange } from '../traffic/exchange.js';
import type { SqliteStore } from '../store/sqlite.js';
import { flatHeaders, forwardedFor, forwardHeaders, headersFromRaw, normalizePeer, responseHeadersFrom } from './forward-headers.js';
import type { IdentityResolver } from './identity.js';
import { methodLabel, observeSeries, type CounterSeries, type ProxyMetrics, type RouteMetrics } from './metrics.js';
import type { Monitor, RequestDecision } from './monitor.js';
import { problemBody } from './problem.js';
import { redactSample } from './redact.js';
import { emptyBody, Tee } from './tee.js';

/** What every exchange of one forward server shares. */
export interface ForwardContext {
  pool: Pool;
  monitor: Monitor;
  identity: IdentityResolver;
  metrics: ProxyMetrics;
  receivedTotal: CounterSeries;
  store?: SqliteStore;
  trustedProxy: (ip: string) => boolean;
  warn?: (message: string) => void;
  /** The upstream's base path, without a trailing slash, and its Host. */
  basePath: string;
  upstreamHost: string;
  upstreamTimeoutMs: number;
  maxBodyBytes: number;
  captureBytes: number;
  /** Set when the server drains: answers say `Connection: close`. */
  draining: boolean;
}

const NO_HEADERS: IncomingHttpHeaders = {};

/**
 * One client request through the proxy, from arrival to analysis: the request phase (target,
 * identity, operation, enforcing detectors), the upstream exchange (this object is undici's dispatch
 * handler, so a request costs this object and two small closures instead of a dozen), and the
 * response phase. Every request ends in exactly one accounted outcome.
 */
export class ProxiedExchange implements Dispatcher.DispatchHandlers {
  private readonly startedAt = Date.now();
  private readonly method: string;
  private operationLabel = '(unmatched)';
  /** The series of this request's operation and method, once the operation is known. */
  private route: RouteMetrics | undefined;
  private done = false;
  private url!: URL;
  private headers!: Record<string, string>;
  private decision!: RequestDecision;
  private requestType = '';
  private requestTee: Tee | undefined;
  private received = 0;
  private abortUpstream: ((reason?: Error) => void) | undefined;
  private upstreamStarted = 0;
  private status = 502;
  private upstreamHeaders = NO_HEADERS;
  private responseType = '';
  private responseTee: Tee | undefined;
  private resumeUpstream: (() => void) | undefined;

  constructor(
    private readonly context: ForwardContext,
    private readonly request: IncomingMessage,
    private readonly response: ServerResponse,
  ) {
    this.method = (request.method ?? 'GET').toUpperCase();
  }

  start(): void {
    const { context, request, response } = this;
    const t0 = performance.now();
    context.receivedTotal.value++;
    context.metrics.inFlight++;
    if (context.draining) response.setHeader('connection', 'close');

    // The request target picks a path, never a host: absolute-form URIs keep only their path and query.
    const target = request.url ?? '/';
    let pathAndQuery: string;
    if (target.startsWith('/')) pathAndQuery = target;
    else if (/^https?:\/\//i.test(target)) {
      try {
        const absolute = new URL(target);
        pathAndQuery = absolute.pathname + absolute.search;
      } catch {
        return this.refuse(400, 'Bad request target', 'the request target is not a valid URL', 'rejected');
      }
    } else return this.refuse(400, 'Bad request target', 'only origin-form or absolute-form request targets are accepted', 'rejected');
    const peer = normalizePeer(request.socket.remoteAddress);
    try {
      this.url = new URL(`http://${forwardedFor(request.headers.host, peer).host ?? 'proxy.invalid'}${pathAndQuery}`);
    } catch {
      return this.refuse(400, 'Bad request target', 'the request target is not a valid path', 'rejected');
    }
    const declaredLength = Number(request.headers['content-length'] ?? 0);
    if (declaredLength > context.maxBodyBytes) return this.refuseTooLarge();

    const headers = (this.headers = flatHeaders(request.headers));
    const ip = context.identity.clientIp(peer, headers['x-forwarded-for']);
    const decision = (this.decision = context.monitor.request({ method: this.method, url: this.url, headers, ip, now: this.startedAt }));
    const view = decision.view;
    this.operationLabel = view.operation?.id ?? (view.hasSpec ? '(undocumented)' : '(unmatched)');
    this.route = context.metrics.route(this.operationLabel, methodLabel(this.method));
    observeSeries(this.route.proxySeconds, (performance.now() - t0) / 1000);
    if (decision.block) {
      const { status, title, detail, retryAfterSeconds, detector } = decision.block;
      context.metrics.alerts.inc({ detector, operation: this.operationLabel, action: 'blocked' });
      return this.refuse(status, title, detail, 'blocked', retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : undefined);
    }

    const outgoing = forwardHeaders(request.headers, { peer, trusted: context.trustedProxy(peer), upstreamHost: context.upstreamHost });
    this.requestType = mediaTypeOf(headers['content-type']);
    // No body (RFC 9112 §6.3: neither Content-Length nor Transfer-Encoding, or a length of 0): none is
    // sent, and Node discards the empty stream when the response finishes.
    const hasBody = declaredLength > 0 || request.headers['transfer-encoding'] !== undefined;
    if (hasBody) this.requestTee = new Tee(isTextualMediaType(this.requestType) || this.requestType === '' ? context.captureBytes : 0);
    // The client went away before its answer was complete: stop the upstream exchange too.
    response.on('close', () => {
      if (!response.writableFinished) {
        this.abortUpstream?.(new ClientGoneError());
        this.account('client_aborted', 499);
      }
    });
    this.upstreamStarted = performance.now();
    // undici takes any async iterable as a body (its types list only streams and buffers).
    const body = hasBody ? (this.relayBody() as unknown as Dispatcher.DispatchOptions['body']) : null;
    context.pool.dispatch({ method: this.method as Dispatcher.HttpMethod, path: context.basePath + pathAndQuery, headers: outgoing as Record<string, string | string[]>, body }, this);
  }

  /**
   * The request body, streamed: counted, teed and cut at the limit. undici waits for the upstream
   * socket to drain between chunks (back-pressure), so nothing is buffered whole.
   */
  private async *relayBody(): AsyncGenerator<Buffer> {
    for await (const chunk of this.request as AsyncIterable<Buffer>) {
      this.received += chunk.length;
      if (this.received > this.context.maxBodyBytes) {
        this.refuseTooLarge();
        throw new BodyTooLargeError();
      }
      this.requestTee!.push(chunk);
      yield chunk;
    }
  }

  onConnect(abort: (reason?: Error) => void): void {
    this.abortUpstream = abort;
    if (this.done) abort(new ClientGoneError());
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[] | string[] | null, resume: () => void, statusText: string): boolean {
    // Informational answers (100, 103) are the upstream's business with its own hop.
    if (statusCode < 200) return true;
    this.status = statusCode;
    const headers = (this.upstreamHeaders = headersFromRaw(rawHeaders ?? []));
    this.responseType = mediaTypeOf(headers['content-type'] as string | undefined);
    this.responseTee = new Tee(isTextualMediaType(this.responseType) ? this.context.captureBytes : 0);
    try {
      this.response.writeHead(statusCode, statusText || undefined, responseHeadersFrom(headers, this.context.draining));
    } catch {
      this.abortUpstream?.(new ClientGoneError());
      this.refuse(502, 'Bad gateway', 'the upstream sent headers that cannot be relayed', 'upstream_error');
      return false;
    }
    this.resumeUpstream = resume;
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.responseTee!.push(chunk);
    if (this.response.write(chunk)) return true;
    // The client is slower than the upstream: pause the upstream socket until it drains (a listener
    // only then: most responses never fill the socket).
    this.response.once('drain', this.resumeUpstream!);
    return false;
  }

  onComplete(): void {
    this.response.end();
    const elapsed = (performance.now() - this.upstreamStarted) / 1000;
    observeSeries(this.route!.upstreamSeconds, elapsed);
    this.account('forwarded', this.status);
    this.analyse(elapsed * 1000);
  }

  onError(error: Error & { code?: string }): void {
    if (this.done || error instanceof BodyTooLargeError || error instanceof ClientGoneError) return;
    if (this.response.headersSent) {
      this.response.destroy();
      this.account('upstream_error', 502);
    } else if (error.code === 'UND_ERR_HEADERS_TIMEOUT') {
      this.refuse(504, 'Upstream timeout', `the upstream did not answer within ${this.context.upstreamTimeoutMs} ms`, 'upstream_timeout', { connection: 'close' });
    } else {
      this.refuse(502, 'Bad gateway', `the upstream could not be reached or broke the connection (${upstreamErrorCode(error)})`, 'upstream_error', { connection: 'close' });
    }
  }

  private account(outcome: string, status: number): void {
    if (this.done) return;
    this.done = true;
    this.context.metrics.inFlight--;
    (this.route ?? this.context.metrics.route(this.operationLabel, methodLabel(this.method))).answer(outcome, status);
  }

  private refuse(status: number, title: string, detail: string, outcome: string, extra?: Record<string, string>): void {
    const response = this.response;
    if (!response.headersSent) {
      const body = problemBody(status, title, detail);
      response.writeHead(status, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body), ...extra });
      response.end(body);
    } else response.destroy();
    this.account(outcome, status);
    // Whatever the client still sends is read and discarded, so the connection stays usable.
    this.request.resume();
  }

  private refuseTooLarge(): void {
    this.refuse(413, 'Request body too large', `bodies above ${this.context.maxBodyBytes} bytes are refused`, 'rejected', { connection: 'close' });
  }

  /** The response phase on the whole exchange (bounded bodies), then the store. */
  private analyse(durationMs: number): void {
    const { context, decision, headers, method, status, upstreamHeaders } = this;
    const view = decision.view;
    const exchange: Exchange = {
      startedAt: this.startedAt,
      durationMs,
      request: { method, url: this.url.href, headers, body: this.requestTee ? this.requestTee.body(this.requestType, headers['content-encoding'], this.received) : emptyBody(this.requestType) },
      response: { status, headers: flatHeaders(upstreamHeaders), body: this.responseTee!.body(this.responseType, upstreamHeaders['content-encoding'] as string | undefined) },
      origin: 'proxy',
    };
    try {
      context.monitor.response(decision, exchange);
    } catch (error) {
      context.warn?.(`analysis failed: ${(error as Error).message}`);
    }
    context.store?.recordExchange({
      at: this.startedAt,
      method: view.operation?.method ?? method,
      route: view.route,
      operationKey: view.operationKey,
      operationId: view.operation?.id,
      status,
      identity: view.identity.id,
      identityKind: view.identity.kind,
      role: view.identity.role,
      sample: () => redactSample(exchange, view.route, view.url),
    });
  }
}

/** Why Rampart itself ended an upstream exchange (already answered): not an upstream failure. */
class BodyTooLargeError extends Error {}
class ClientGoneError extends Error {}

/** The upstream's failure as a short code for the problem detail (no message: it may carry internals). */
function upstreamErrorCode(error: Error & { code?: string; cause?: unknown }): string {
  const cause = error.cause as { code?: string } | undefined;
  return cause?.code ?? error.code ?? 'error';
}
