import type { Exchange } from '../exchange.js';
import { epochMillis, type TrafficReader } from './reader.js';
import { readLines } from './text-source.js';

/** Field names, first match wins: nginx `log_format ... escape=json` conventions, then Envoy's. */
const FIELDS = {
  method: ['request_method', 'method'],
  path: ['request_uri', 'path', 'uri', 'x_envoy_original_path'],
  args: ['args', 'query_string'],
  host: ['http_host', 'host', 'authority', 'server_name'],
  scheme: ['scheme', 'protocol_scheme'],
  status: ['status', 'response_code'],
  time: ['time_iso8601', 'start_time', 'msec', 'time_local', 'timestamp', 'time'],
  seconds: ['request_time'],
  millis: ['duration', 'duration_ms', 'request_duration'],
  user: ['remote_user'],
  authorization: ['http_authorization', 'authorization'],
  cookie: ['http_cookie', 'cookie'],
  apiKey: ['http_x_api_key', 'x_api_key'],
  contentType: ['content_type', 'http_content_type', 'request_content_type'],
  responseType: ['sent_http_content_type', 'response_content_type'],
  userAgent: ['http_user_agent', 'user_agent'],
  client: ['remote_addr', 'downstream_remote_address', 'x_forwarded_for', 'http_x_forwarded_for'],
  sslClient: ['ssl_client_verify', 'downstream_peer_subject', 'downstream_peer_uri_san'],
  grpcStatus: ['grpc_status'],
} as const;

function pick(line: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = line[name];
    if (value !== undefined && value !== null && value !== '' && value !== '-') return String(value);
  }
  return undefined;
}

/**
 * nginx and Envoy JSON access logs: one JSON object per line, no bodies. The exchange gets what the
 * log has (method, URL, status, time, duration, selected headers) and nothing it does not.
 */
export const accessLogReader: TrafficReader = {
  id: 'access-log',
  description: 'nginx / Envoy JSON access logs (one object per line; no bodies; gzip allowed)',
  async *read(file, context) {
    let number = 0;
    for await (const text of readLines(file, (message) => context.warn(`${context.file}: ${message}`))) {
      number++;
      const trimmed = text.trim();
      if (trimmed === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch {
        context.warn(`${context.file}:${number}: not valid JSON; line skipped`);
        continue;
      }
      const exchange = value && typeof value === 'object' ? accessLogLineToExchange(value as Record<string, unknown>, `${context.file}:${number}`) : undefined;
      if (exchange) yield exchange;
      else context.warn(`${context.file}:${number}: no method or path; line skipped`);
    }
  },
};

export function accessLogLineToExchange(line: Record<string, unknown>, origin: string): Exchange | undefined {
  let method = pick(line, FIELDS.method);
  let path = pick(line, FIELDS.path);
  // nginx `$request`: "GET /path?x HTTP/1.1"
  if ((!method || !path) && typeof line.request === 'string') {
    const parts = /^(\S+) (\S+)/.exec(line.request);
    if (parts) [method, path] = [method ?? parts[1], path ?? parts[2]];
  }
  if (!method || !path) return undefined;
  const args = pick(line, FIELDS.args);
  if (args && !path.includes('?')) path += `?${args}`;
  const host = pick(line, FIELDS.host) ?? 'unknown.invalid';
  const scheme = pick(line, FIELDS.scheme) ?? 'https';
  const url = /^https?:\/\//i.test(path) ? path : `${scheme}://${host}${path.startsWith('/') ? '' : '/'}${path}`;
  const headers: Record<string, string> = {};
  const setHeader = (name: string, value: string | undefined) => {
    if (value) headers[name] = value;
  };
  setHeader('authorization', pick(line, FIELDS.authorization));
  setHeader('cookie', pick(line, FIELDS.cookie));
  setHeader('x-api-key', pick(line, FIELDS.apiKey));
  setHeader('content-type', pick(line, FIELDS.contentType));
  setHeader('user-agent', pick(line, FIELDS.userAgent));
  const responseHeaders: Record<string, string> = {};
  const responseType = pick(line, FIELDS.responseType);
  if (responseType) responseHeaders['content-type'] = responseType;
  const grpcStatus = pick(line, FIELDS.grpcStatus);
  if (grpcStatus) responseHeaders['grpc-status'] = grpcStatus;
  const seconds = pick(line, FIELDS.seconds);
  const millis = pick(line, FIELDS.millis);
  const durationMs = millis !== undefined ? Number(millis) : seconds !== undefined ? Number(seconds) * 1000 : undefined;
  const status = Number(pick(line, FIELDS.status));
  const sslClient = pick(line, FIELDS.sslClient);
  return {
    startedAt: epochMillis(line[FIELDS.time.find((name) => line[name] !== undefined) ?? 'time']),
    durationMs: durationMs !== undefined && Number.isFinite(durationMs) ? durationMs : undefined,
    request: { method: method.toUpperCase(), url, headers },
    response: Number.isInteger(status) && status > 0 ? { status, headers: responseHeaders } : undefined,
    client: pick(line, FIELDS.user),
    clientCertificate: sslClient !== undefined && sslClient !== 'NONE' ? true : undefined,
    origin,
  };
}
