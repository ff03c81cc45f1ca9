import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Operation } from '../spec/api.js';
import type { ScanExchange, ScanRequest, ScanResponse } from './types.js';

export interface TransportOptions {
  target: URL;
  /** Requests per second, at most. */
  rps: number;
  /** Total requests the scan may send. */
  budget: number;
  timeoutMs: number;
  allowDestructive: boolean;
  /** Accept an HTTPS target whose certificate is not trusted (self-signed, expired, wrong name), like `curl -k`. */
  insecure?: boolean;
  /** The same API over plain HTTP (same host), given by the user so the transport probe may check it redirects. */
  httpTarget?: URL;
  /** Largest response body kept, in bytes. */
  maxBodyBytes?: number;
  onExchange?: (exchange: ScanExchange) => void;
}

export interface SendOptions {
  method: string;
  /** A path (with query) on the target, or an absolute URL on the target origin. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  probe: string;
  identity?: string;
  operation?: Operation;
  attack?: boolean;
  /** PUT/PATCH/DELETE to a resource the scan created itself. */
  scanCreated?: boolean;
}

export class BudgetExhausted extends Error {
  constructor(budget: number) {
    super(`request budget of ${budget} exhausted`);
  }
}

/** The scanner refused to send a request: a safety rule, not a network failure. */
export class RequestRefused extends Error {}

const WRITES = new Set(['PUT', 'PATCH', 'DELETE']);

/**
 * The scanner's only way out: one origin, a fixed pace, a budget, timeouts, and no destructive
 * method unless allowed. Redirects are never followed. Every exchange is recorded.
 */
export class Transport {
  readonly exchanges: ScanExchange[] = [];
  private sent = 0;
  private nextSlot = 0;
  private readonly interval: number;
  readonly startedAt = Date.now();

  constructor(readonly options: TransportOptions) {
    this.interval = 1000 / Math.max(0.1, options.rps);
  }

  get requestCount(): number {
    return this.sent;
  }

  get remaining(): number {
    return this.options.budget - this.sent;
  }

  /** The URL a path resolves to, refused when it leaves the target origin (or the user's plain-HTTP twin of it). */
  resolve(path: string): URL {
    const url = new URL(path, this.options.target);
    if (url.origin !== this.options.target.origin && url.origin !== this.options.httpTarget?.origin) throw new RequestRefused(`refused: ${url.origin} is not the target ${this.options.target.origin}`);
    return url;
  }

  async send(options: SendOptions): Promise<ScanExchange> {
    const method = options.method.toUpperCase();
    const url = this.resolve(options.path);
    if (method === 'DELETE' && !this.options.allowDestructive) throw new RequestRefused('refused: DELETE needs --allow-destructive');
    if (WRITES.has(method) && !options.scanCreated && !this.options.allowDestructive) {
      throw new RequestRefused(`refused: ${method} to a resource the scan did not create needs --allow-destructive`);
    }
    if (this.sent >= this.options.budget) throw new BudgetExhausted(this.options.budget);
    this.sent++;
    await this.pace();
    const headers: Record<string, string> = { 'user-agent': 'rampart-scan', ...options.headers };
    if (options.body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    const request: ScanRequest = { method, url: url.href, headers, body: options.body };
    const exchange: ScanExchange = { id: this.exchanges.length + 1, probe: options.probe, identity: options.identity, operation: options.operation, request, attack: Boolean(options.attack) };
    try {
      exchange.response = await this.exchange(url, request);
    } catch (error) {
      exchange.error = describeFailure(error as NodeJS.ErrnoException);
    }
    this.exchanges.push(exchange);
    this.options.onExchange?.(exchange);
    return exchange;
  }

  private async pace(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextSlot);
    this.nextSlot = at + this.interval;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  private exchange(url: URL, request: ScanRequest): Promise<ScanResponse> {
    const limit = this.options.maxBodyBytes ?? 1024 * 1024;
    const started = performance.now();
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const tls = url.protocol === 'https:' ? { rejectUnauthorized: !this.options.insecure } : {};
    return new Promise((resolve, reject) => {
      const outgoing = send(url, { method: request.method, headers: request.headers, timeout: this.options.timeoutMs, ...tls }, (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= limit) chunks.push(chunk);
        });
        incoming.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(incoming.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          const body = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          if (/[/+]json\b/i.test(headers['content-type'] ?? '') || /^\s*[[{]/.test(body)) {
            try {
              json = JSON.parse(body);
            } catch {
              json = undefined;
            }
          }
          resolve({ status: incoming.statusCode ?? 0, headers, body, json, durationMs: performance.now() - started });
        });
        incoming.on('error', reject);
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error(`timed out after ${this.options.timeoutMs} ms`)));
      outgoing.on('error', reject);
      if (request.body !== undefined) outgoing.write(request.body);
      outgoing.end();
    });
  }
}

/** OpenSSL's codes for a certificate chain Node will not trust. */
const UNTRUSTED_CERTIFICATE = /^(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|ERR_TLS_CERT_ALTNAME_INVALID)$/;

/** A failed request in one line; an untrusted certificate says how to scan anyway. */
export function describeFailure(error: NodeJS.ErrnoException): string {
  if (error.code && UNTRUSTED_CERTIFICATE.test(error.code)) return `${error.message} (${error.code}): the certificate is not trusted; pass --insecure to scan it anyway`;
  return error.message;
}

/** 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
