import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Pool } from 'undici';
import type { SqliteStore } from '../store/sqlite.js';
import type { IdentityResolver } from './identity.js';
import { methodLabel, statusClass, type ProxyMetrics } from './metrics.js';
import type { Monitor } from './monitor.js';
import { problemBody } from './problem.js';
import { ProxiedExchange, type ForwardContext } from './proxied-exchange.js';

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
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 30_000;
  const { metrics } = options;
  const context: ForwardContext = {
    // undici's pool: keep-alive connections to the one origin; a pass-through built on it spent about
    // two thirds of the CPU per request of one on node:http's client. The origin is fixed here;
    // nothing a client sends can change it. No body timeout: a stream may be quiet for long (SSE).
    pool: new Pool(upstream.origin, { connections: 512, pipelining: 1, headersTimeout: upstreamTimeoutMs, bodyTimeout: 0 }),
    monitor: options.monitor,
    identity: options.identity,
    metrics,
    receivedTotal: metrics.received.seriesFor({}),
    store: options.store,
    trustedProxy: options.trustedProxy,
    warn: options.warn,
    basePath: upstream.pathname.replace(/\/$/, ''),
    upstreamHost: upstream.host,
    upstreamTimeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    captureBytes: options.captureBytes ?? 64 * 1024,
    draining: false,
  };

  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const server = createServer({
    maxHeaderSize: options.maxHeaderBytes ?? 16 * 1024,
    headersTimeout,
    // Node checks those timeouts on this interval (30 s by default): too slow to stop a slowloris.
    connectionsCheckingInterval: Math.max(50, Math.min(1000, headersTimeout / 2)),
    requestTimeout: options.requestTimeoutMs ?? 60_000,
    keepAliveTimeout: 5_000,
  }, (request, response) => new ProxiedExchange(context, request, response).start());

  // Malformed requests, oversized headers and slow clients never become an exchange: answer and close.
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
      context.draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + drainMs;
      while (metrics.inFlight > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        server.closeIdleConnections();
      }
      server.closeAllConnections();
      await closed;
      await context.pool.destroy();
    },
  };
}

export function addressOf(server: Server): { host: string; port: number } {
  const address = server.address() as AddressInfo;
  return { host: address.address, port: address.port };
}
