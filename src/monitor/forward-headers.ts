import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Connection-scoped headers (RFC 9110 §7.6.1) and proxy-only ones: never forwarded in either direction. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);
const FORWARDING = new Set(['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded', 'x-real-ip']);

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

export function responseHeadersFrom(headers: IncomingHttpHeaders, draining: boolean): OutgoingHttpHeaders {
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

export function forwardedFor(hostHeader: string | undefined, peer: string): { host: string | undefined; element: string } {
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

export function normalizePeer(address: string | undefined): string {
  if (!address) return '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** undici's raw header list as Node's IncomingMessage would present it: lower-case names, repeats joined (set-cookie kept apart). */
export function headersFromRaw(raw: Buffer[] | string[]): IncomingHttpHeaders {
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
