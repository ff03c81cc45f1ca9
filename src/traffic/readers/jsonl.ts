import { decodeBody } from '../body.js';
import { headerMap, mediaTypeOf, type Exchange, type ExchangeBody } from '../exchange.js';
import { epochMillis, type ReaderContext, type TrafficReader } from './reader.js';
import { readLines } from './text-source.js';

/**
 * The Rampart JSON-lines traffic format (version 1), one exchange per line:
 *
 *   {"time":"2026-01-02T03:04:05.678Z","method":"POST","url":"https://api.example.com/users?x=1",
 *    "status":201,"durationMs":12.5,"client":"svc-billing",
 *    "request":{"headers":{"content-type":"application/json"},"body":"{\"name\":\"a\"}"},
 *    "response":{"headers":{"content-type":"application/json"},"body":"eyJpZCI6MX0=","bodyEncoding":"base64"}}
 *
 * `time` is ISO 8601 or epoch (seconds or milliseconds); `headers` is an object or a HAR-style
 * `[{name,value}]` list; bodies are optional, text or base64 (`bodyEncoding`); `client` names the
 * caller when the log knows it. Blank lines and lines starting with `#` are ignored.
 */
export interface RampartTrafficLine {
  time?: string | number;
  method: string;
  url: string;
  status?: number;
  durationMs?: number;
  client?: string;
  clientCertificate?: boolean;
  request?: RampartTrafficMessage;
  response?: RampartTrafficMessage;
}

export interface RampartTrafficMessage {
  headers?: Record<string, string> | { name: string; value: string }[];
  body?: string;
  bodyEncoding?: 'base64' | 'text';
}

export const jsonlReader: TrafficReader = {
  id: 'jsonl',
  description: 'Rampart JSON-lines traffic (one exchange per line; gzip allowed)',
  async *read(file, context) {
    let number = 0;
    for await (const line of readLines(file, (message) => context.warn(`${context.file}: ${message}`))) {
      number++;
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch {
        context.warn(`${context.file}:${number}: not valid JSON; line skipped`);
        continue;
      }
      const exchange = rampartLineToExchange(value, `${context.file}:${number}`, context);
      if (exchange) yield exchange;
      else context.warn(`${context.file}:${number}: needs "method" and "url"; line skipped`);
    }
  },
};

export function rampartLineToExchange(value: unknown, origin: string, context: Pick<ReaderContext, 'maxBodyBytes'>): Exchange | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const line = value as Partial<RampartTrafficLine>;
  if (typeof line.method !== 'string' || typeof line.url !== 'string') return undefined;
  const requestHeaders = toHeaders(line.request?.headers);
  const responseHeaders = toHeaders(line.response?.headers);
  const status = typeof line.status === 'number' ? line.status : undefined;
  return {
    startedAt: epochMillis(line.time),
    durationMs: typeof line.durationMs === 'number' ? line.durationMs : undefined,
    request: { method: line.method.toUpperCase(), url: line.url, headers: requestHeaders, body: body(line.request, requestHeaders, context.maxBodyBytes) },
    response: status === undefined ? undefined : { status, headers: responseHeaders, body: body(line.response, responseHeaders, context.maxBodyBytes) },
    client: typeof line.client === 'string' ? line.client : undefined,
    clientCertificate: line.clientCertificate === true ? true : undefined,
    origin,
  };
}

function toHeaders(headers: RampartTrafficMessage['headers']): Record<string, string> {
  if (Array.isArray(headers)) return headerMap(headers);
  if (!headers || typeof headers !== 'object') return {};
  return headerMap(Object.entries(headers).map(([name, value]) => ({ name, value: String(value) })));
}

function body(message: RampartTrafficMessage | undefined, headers: Record<string, string>, maxBodyBytes: number): ExchangeBody | undefined {
  if (!message || typeof message.body !== 'string') return undefined;
  return decodeBody(
    {
      mediaType: mediaTypeOf(headers['content-type']),
      text: message.body,
      encoding: message.bodyEncoding === 'base64' ? 'base64' : undefined,
      contentEncoding: message.bodyEncoding === 'base64' ? headers['content-encoding'] : undefined,
    },
    maxBodyBytes,
  );
}
