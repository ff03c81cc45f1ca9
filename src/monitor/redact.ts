import { parseBody } from '../discover/observe.js';
import { classifyValue, redact } from '../traffic/classifiers/index.js';
import type { Exchange } from '../traffic/exchange.js';
import { redactedTarget } from './monitor.js';

const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-apikey|ocp-apim-subscription-key|x-csrf-token)$/i;
const MAX_DEPTH = 12;

/** A stored sample: the route instead of the path, header values of credentials removed, query values removed, body leaves that classify as sensitive replaced. */
export function redactSample(exchange: Exchange, route: string, url: URL): Record<string, unknown> {
  return {
    request: {
      method: exchange.request.method,
      target: redactedTarget(route, url),
      headers: redactHeaders(exchange.request.headers),
      body: redactBody(exchange.request.body),
    },
    response: exchange.response && { status: exchange.response.status, headers: redactHeaders(exchange.response.headers), body: redactBody(exchange.response.body) },
    durationMs: exchange.durationMs,
  };
}

function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, SECRET_HEADERS.test(name) ? `[${value.length} chars redacted]` : value.slice(0, 256)]));
}

function redactBody(body: Exchange['request']['body']): unknown {
  if (!body) return undefined;
  const parsed = parseBody(body);
  if (parsed.value === undefined) return { mediaType: body.mediaType, size: body.size };
  return redactValue(parsed.value, '', 0);
}

export function redactValue(value: unknown, key: string, depth: number): unknown {
  if (depth > MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => redactValue(item, key, depth + 1));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).slice(0, 100).map(([name, child]) => [name, redactValue(child, name, depth + 1)]));
  if (typeof value === 'string' || typeof value === 'number') {
    const [dataClass] = classifyValue(key, value);
    if (dataClass) return redact(dataClass, String(value));
    if (/pass(word)?|secret|token|hash/i.test(key)) return `[${String(value).length} chars redacted]`;
    return typeof value === 'string' ? value.slice(0, 200) : value;
  }
  return value;
}
