/**
 * The plumbing shared by the secure end-to-end targets (catalog, notes, inventory): a node:http
 * server on 127.0.0.1 that validates requests against its own OpenAPI description with Ajv, and
 * answers every error the same careful way (generic message, no internals). Each target supplies
 * its description and a router; whatever the router throws as an ApiError becomes the answer.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

export type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** An answer the router chose: status, a machine-readable code, a message safe to show, extra headers. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}, readonly details: Json = {}) {
    super(message);
  }
}

export interface ApiRequest {
  method: string;
  path: string;
  url: URL;
  headers: IncomingMessage['headers'];
  /** The raw body (at most the server's body limit). */
  body: Buffer;
  requestId: string;
}

export interface ApiAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as is with this content type instead of JSON. */
  raw?: { contentType: string; data: string | Buffer };
}

export interface SecureApiOptions {
  description: Json;
  route: (request: ApiRequest) => Promise<ApiAnswer> | ApiAnswer;
  /** How an error looks on the wire: JSON with a request id, or RFC 9457 problem+json. */
  errorStyle: 'json' | 'problem';
  /** Larger bodies are refused with 413 before they are read to the end. */
  maxBodyBytes?: number;
}

export interface RunningApi {
  url: string;
  /** The statuses answered per documented operation (`GET /notes/{noteId}`): what the scan really exercised. */
  answered: Map<string, number[]>;
  close: () => Promise<void>;
}

/** The documented operation a request is for, by method and path template. */
function operationMatcher(description: Json): (method: string, path: string) => string | undefined {
  const templates = Object.entries(description.paths as Record<string, Json>).map(([template, item]) => ({
    template,
    methods: new Set(Object.keys(item)),
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
  }));
  return (method, path) => {
    const found = templates.find((candidate) => candidate.methods.has(method) && candidate.pattern.test(path));
    return found ? `${method.toUpperCase()} ${found.template}` : undefined;
  };
}

/** Validators for one description: JSON bodies and query strings, `additionalProperties` as documented. */
export function validators(description: Json) {
  const bodyAjv = addFormats(new Ajv({ strict: false, allErrors: false }));
  const queryAjv = addFormats(new Ajv({ strict: false, coerceTypes: true }));
  const components = description.components as Json;
  bodyAjv.addSchema({ components: forRequests(components) as Json }, 'api');
  queryAjv.addSchema({ components }, 'api');
  const rebase = (schema: unknown): Json => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"api#/components/')) as Json;
  const paths = description.paths as Record<string, Record<string, Json>>;
  const cache = new Map<string, ValidateFunction>();
  const compiled = (key: string, ajv: Ajv, make: () => Json) => {
    let validate = cache.get(key);
    if (!validate) cache.set(key, (validate = ajv.compile(make())));
    return validate;
  };
  return {
    body(path: string, method: string, mediaType: string, value: unknown): void {
      const validate = compiled(`body ${method} ${path}`, bodyAjv, () => rebase(((paths[path]![method]!.requestBody as Json).content as Record<string, Json>)[mediaType]!.schema));
      if (!validate(value)) throw new ApiError(validationStatus(description), 'invalid_request', 'The request body is not valid.', {}, { errors: errorList(validate) });
    },
    query(path: string, method: string, url: URL): Json {
      const parameters = (paths[path]![method]!.parameters ?? []) as { name: string; in: string; required?: boolean; schema: Json }[];
      const values: Json = {};
      const properties: Json = {};
      const required: string[] = [];
      for (const parameter of parameters.filter((candidate) => candidate.in === 'query')) {
        properties[parameter.name] = parameter.schema;
        if (parameter.required) required.push(parameter.name);
        if (url.searchParams.getAll(parameter.name).length > 1) throw new ApiError(400, 'invalid_request', `The query parameter ${parameter.name} is given more than once.`);
        const value = url.searchParams.get(parameter.name);
        if (value !== null) values[parameter.name] = value;
      }
      const validate = compiled(`query ${method} ${path}`, queryAjv, () => rebase({ type: 'object', properties, required }));
      if (!validate(values)) throw new ApiError(validationStatus(description), 'invalid_request', 'A query parameter is not valid.', {}, { errors: errorList(validate) });
      return values;
    },
  };
}

/** The schemas as requests see them: a readOnly property is never required of a client (OpenAPI 3.0). */
function forRequests(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(forRequests);
  if (value === null || typeof value !== 'object') return value;
  const schema = Object.fromEntries(Object.entries(value).map(([key, child]) => [key, forRequests(child)])) as Json;
  const properties = schema.properties as Record<string, Json> | undefined;
  if (Array.isArray(schema.required) && properties) schema.required = (schema.required as string[]).filter((name) => properties[name]?.readOnly !== true);
  return schema;
}

/** Each target says which status its validation errors use (400 or 422) in `x-validation-status`. */
function validationStatus(description: Json): number {
  return Number((description.info as Json)['x-validation-status'] ?? 400);
}

function errorList(validate: ValidateFunction): { pointer: string; detail: string }[] {
  return (validate.errors ?? []).slice(0, 5).map((error) => ({ pointer: error.instancePath || '/', detail: error.message ?? 'is not valid' }));
}

/** Parses a JSON body; a parse failure is the client's mistake, said in one generic sentence. */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8') || 'null') as unknown;
  } catch {
    throw new ApiError(400, 'malformed_json', 'The request body is not valid JSON.');
  }
}

/** The media type of the request, when the operation takes exactly `expected`; anything else is 415. */
export function requireContentType(request: ApiRequest, expected: string): void {
  const actual = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (actual !== expected) throw new ApiError(415, 'unsupported_media_type', `Send the body as ${expected}.`);
}

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

export async function startSecureApi(options: SecureApiOptions): Promise<RunningApi> {
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const answered = new Map<string, number[]>();
  const operationOf = operationMatcher(options.description);
  const server = createServer((request, response) => {
    response.once('finish', () => {
      const operation = operationOf((request.method ?? 'GET').toLowerCase(), new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      if (operation) answered.set(operation, [...(answered.get(operation) ?? []), response.statusCode]);
    });
    const requestId = `req_${randomBytes(8).toString('hex')}`;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        if (!refused) answerError(response, options.errorStyle, requestId, url.pathname, new ApiError(413, 'payload_too_large', `Bodies are limited to ${maxBody} bytes.`, { Connection: 'close' }));
        refused = true;
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (refused) return;
      const apiRequest: ApiRequest = { method: (request.method ?? 'GET').toLowerCase(), path: url.pathname, url, headers: request.headers, body: Buffer.concat(chunks), requestId };
      Promise.resolve()
        .then(() => options.route(apiRequest))
        .then(
          (answer) => answerWith(response, requestId, answer),
          (error: unknown) => {
            // Anything unexpected stays on the server: the client gets a generic 500 and the request id.
            const known = error instanceof ApiError ? error : new ApiError(500, 'internal_error', 'Something went wrong; quote the request id when reporting it.');
            answerError(response, options.errorStyle, requestId, url.pathname, known);
          },
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answerWith(response: ServerResponse, requestId: string, answer: ApiAnswer): void {
  const headers: Record<string, string> = { ...COMMON_HEADERS, 'X-Request-Id': requestId, ...(answer.headers ?? {}) };
  if (answer.raw) {
    response.writeHead(answer.status, { ...headers, 'Content-Type': answer.raw.contentType });
    response.end(answer.raw.data);
    return;
  }
  if (answer.body === undefined) {
    response.writeHead(answer.status, headers);
    response.end();
    return;
  }
  response.writeHead(answer.status, { ...headers, 'Content-Type': 'application/json' });
  response.end(JSON.stringify(answer.body));
}

function answerError(response: ServerResponse, style: SecureApiOptions['errorStyle'], requestId: string, instance: string, error: ApiError): void {
  const headers: Record<string, string> = { ...COMMON_HEADERS, 'X-Request-Id': requestId, ...error.headers };
  const body =
    style === 'problem'
      ? { type: `https://errors.example.test/${error.code}`, title: error.code.replace(/_/g, ' '), status: error.status, detail: error.message, instance, requestId, ...error.details }
      : { error: error.code, message: error.message, requestId, ...error.details };
  response.writeHead(error.status, { ...headers, 'Content-Type': style === 'problem' ? 'application/problem+json' : 'application/json' });
  response.end(JSON.stringify(body));
}
