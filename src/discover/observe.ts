import { detectAuth } from '../traffic/auth.js';
import { classifyValue } from '../traffic/classifiers/index.js';
import { classifyFields } from '../traffic/classify-fields.js';
import { isJsonMediaType, type Exchange, type ExchangeBody } from '../traffic/exchange.js';
import { observe } from '../traffic/schema-inference.js';
import { bump, CLIENT_CAP, IDENTITY_CAP, PARAMETER_CAP, sketchFor, type EndpointStats } from './endpoint-stats.js';
import { record } from './latency.js';

/** Headers every client sends: not API parameters. */
const STANDARD_HEADERS = new Set([
  'accept', 'accept-encoding', 'accept-language', 'authorization', 'cache-control', 'connection', 'content-length', 'content-type', 'cookie', 'host',
  'origin', 'pragma', 'referer', 'user-agent', 'te', 'upgrade-insecure-requests', 'if-none-match', 'if-modified-since', 'dnt', 'priority', 'x-forwarded-for',
  'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip', 'x-request-id', 'traceparent', 'tracestate', 'keep-alive', 'transfer-encoding', 'expect', 'via',
  'forwarded', 'proxy-authorization', 'soapaction', 'content-encoding',
]);
const SKIP_RESPONSE_HEADERS = new Set(['set-cookie', 'date', 'content-length', 'content-type', 'etag', 'server', 'connection', 'vary', 'cache-control']);

export interface ParsedBody {
  value?: unknown;
  invalid: boolean;
}

/** JSON or form bodies as values; anything else undefined. Invalid JSON is reported, not thrown. */
export function parseBody(body: ExchangeBody | undefined): ParsedBody {
  if (!body || body.text === undefined) return { invalid: false };
  if (isJsonMediaType(body.mediaType) || (body.mediaType === '' && /^\s*[[{]/.test(body.text))) {
    try {
      return { value: JSON.parse(body.text), invalid: false };
    } catch {
      return { invalid: true };
    }
  }
  if (body.mediaType === 'application/x-www-form-urlencoded') {
    return { value: Object.fromEntries(new URLSearchParams(body.text)), invalid: false };
  }
  return { invalid: false };
}

/** Folds one exchange into its endpoint's statistics. */
export function observeExchange(stats: EndpointStats, exchange: Exchange, url: URL, parsed: { request: ParsedBody; response: ParsedBody }): void {
  stats.count++;
  bump(stats.hosts, url.host || 'unknown', 1, 50);
  const status = exchange.response?.status;
  bump(stats.statuses, status === undefined ? 'none' : String(status));
  if (Number.isFinite(exchange.startedAt)) {
    stats.firstSeen = Math.min(stats.firstSeen, exchange.startedAt);
    stats.lastSeen = Math.max(stats.lastSeen, exchange.startedAt);
  }
  if (exchange.durationMs !== undefined) record(stats.latency, exchange.durationMs);

  const auth = detectAuth(exchange, url);
  for (const kind of auth.kinds) bump(stats.auth, kind);
  if (!auth.authenticated) {
    stats.unauthenticated++;
    if (status !== undefined && status >= 200 && status < 300) stats.unauthenticatedSuccess++;
  }
  for (const identity of auth.identities) if (stats.identities.size < IDENTITY_CAP) stats.identities.add(identity);
  if (auth.jwt) {
    bump(stats.jwtAlgs, auth.jwt.alg);
    for (const weakness of auth.jwt.weaknesses) bump(stats.jwtWeaknesses, weakness);
  }
  const client = exchange.client ?? exchange.request.headers['user-agent'];
  if (client) bump(stats.clients, client.slice(0, 120), 1, CLIENT_CAP);

  for (const [name, value] of url.searchParams) {
    const sketch = sketchFor(stats.query, name);
    if (sketch) observe(sketch, coerce(value), 0, name);
    for (const dataClass of classifyValue(name, value)) bump(stats.sensitive, `request.query|${name}|${dataClass}`);
  }
  for (const [name, value] of Object.entries(exchange.request.headers)) {
    if (STANDARD_HEADERS.has(name) || name.startsWith('sec-')) continue;
    bump(stats.headers, name, 1, PARAMETER_CAP);
    for (const dataClass of classifyValue(name, value)) bump(stats.sensitive, `request.header|${name}|${dataClass}`);
  }

  const requestBody = exchange.request.body;
  if (requestBody) {
    const key = requestBody.mediaType || 'application/octet-stream';
    const sketch = sketchFor(stats.requestBodies, key, 10);
    if (parsed.request.value !== undefined) {
      if (sketch) observe(sketch, parsed.request.value);
      for (const found of classifyFields(parsed.request.value)) bump(stats.sensitive, `request.body|${found.field}|${found.dataClass}`);
    }
    if (parsed.request.invalid) stats.invalidJsonBodies++;
    if (requestBody.opaque) stats.opaqueBodies++;
  }
  const response = exchange.response;
  if (response) {
    const bodies = (stats.responses[String(response.status)] ??= {});
    const body = response.body;
    if (body && (body.mediaType || body.text)) {
      const key = body.mediaType || 'application/octet-stream';
      const sketch = sketchFor(bodies, key, 10);
      if (parsed.response.value !== undefined) {
        if (sketch) observe(sketch, parsed.response.value);
        for (const found of classifyFields(parsed.response.value)) bump(stats.sensitive, `response.body|${found.field}|${found.dataClass}`);
      }
      if (parsed.response.invalid) stats.invalidJsonBodies++;
      if (body.opaque) stats.opaqueBodies++;
    }
    for (const [name, value] of Object.entries(response.headers)) {
      if (SKIP_RESPONSE_HEADERS.has(name)) continue;
      for (const dataClass of classifyValue(name, value)) bump(stats.sensitive, `response.header|${name}|${dataClass}`);
    }
  }
}

/** Query values are strings on the wire; infer numbers and booleans the way servers parse them. */
function coerce(value: string): unknown {
  if (/^-?(0|[1-9]\d{0,15})$/.test(value)) return Number(value);
  if (/^-?\d+\.\d+$/.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}
