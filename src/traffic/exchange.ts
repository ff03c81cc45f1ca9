/**
 * An Exchange: one observed HTTP request and its response, from a HAR file, a log line or the proxy.
 * Every traffic consumer (discover, scan, proxy) reads this one shape. Headers are lower-cased names.
 */
export interface ExchangeBody {
  /** Media type without parameters, lower case (`application/json`). Empty when unknown. */
  mediaType: string;
  /** Decoded text when the body is textual; absent for binary or omitted bodies. */
  text?: string;
  /** Size in bytes as recorded (may be known when the body itself is not). */
  size?: number;
  /** The body was binary, compressed or truncated and could not be read as text. */
  opaque?: boolean;
}

export interface ExchangeRequest {
  method: string;
  /** Absolute URL when known (`https://api.example.com/users/42?x=1`). */
  url: string;
  headers: Record<string, string>;
  body?: ExchangeBody;
}

export interface ExchangeResponse {
  status: number;
  headers: Record<string, string>;
  body?: ExchangeBody;
}

export interface Exchange {
  /** Epoch milliseconds of the request start; NaN when unknown. */
  startedAt: number;
  /** Total time in milliseconds; undefined when unknown. */
  durationMs?: number;
  request: ExchangeRequest;
  /** Absent when the log holds no response (a request that never completed). */
  response?: ExchangeResponse;
  /** A client identity the source names explicitly (Rampart JSON-lines `client`, a log's remote user). */
  client?: string;
  /** Transport hints: the client presented a certificate (mTLS). */
  clientCertificate?: boolean;
  /** Where it came from, for evidence: `file:entryIndex`. */
  origin: string;
}

/** Lower-cases header names; repeated headers are joined with `, ` as HTTP allows. */
export function headerMap(list: Iterable<{ name: string; value: string }> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!list) return headers;
  for (const header of list) {
    if (!header || typeof header.name !== 'string') continue;
    const name = header.name.toLowerCase();
    const value = String(header.value ?? '');
    // HTTP/2 pseudo headers (`:authority`) say nothing the URL does not.
    if (name.startsWith(':')) continue;
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaTypeOf(contentType: string | undefined): string {
  if (!contentType) return '';
  return contentType.split(';')[0]!.trim().toLowerCase();
}

export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || mediaType.endsWith('+json') || mediaType === 'text/json';
}

const TEXTUAL = /^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript|graphql|soap\+xml|x-ndjson)|.*\+(json|xml)$)/;

export function isTextualMediaType(mediaType: string): boolean {
  return TEXTUAL.test(mediaType);
}
