import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../core/ajv.js';
import type { DocumentLocation } from '../core/finding.js';
import { loadDocument, type ApiDocument } from '../spec/document.js';
import { joinPointer } from '../spec/pointer.js';
import { matcherFor } from '../traffic/operation-matcher.js';

export interface SpecParameter {
  name: string;
  in: string;
  required: boolean;
}

/** One documented operation, as discovery needs it. */
export interface SpecOperation {
  method: string;
  /** The path as written (`/users/{id}`), with the server base path prefixed. */
  path: string;
  segments: string[];
  deprecated: boolean;
  /** At least one security requirement that is not the empty (anonymous) one. */
  secured: boolean;
  parameters: SpecParameter[];
  requestBody?: { required: boolean; content: Record<string, Record<string, unknown> | undefined> };
  responses: Record<string, Record<string, Record<string, unknown> | undefined>>;
  location: DocumentLocation;
}

export interface SpecModel {
  file: string;
  operations: SpecOperation[];
  document: ApiDocument;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export async function loadSpecModel(file: string, cwd: string): Promise<SpecModel> {
  const document = await loadDocument(file, { cwd });
  const root = document.resolved() as Record<string, unknown>;
  const basePaths = serverBasePaths(root);
  const globalSecurity = root.security;
  // API keys of security schemes are documented parameters, even though no `parameters` entry names them.
  const schemes = ((root.components as Record<string, unknown> | undefined)?.securitySchemes ?? root.securityDefinitions ?? {}) as Record<string, { type?: string; in?: string; name?: string }>;
  const keyParameters: SpecParameter[] = Object.values(schemes)
    .filter((scheme) => scheme?.type === 'apiKey' && typeof scheme.name === 'string' && typeof scheme.in === 'string')
    .map((scheme) => ({ name: scheme.name!, in: scheme.in!, required: false }));
  const operations: SpecOperation[] = [];
  const paths = (root.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const [path, item] of Object.entries(paths)) {
    if (!item || typeof item !== 'object') continue;
    const shared = Array.isArray(item.parameters) ? (item.parameters as Record<string, unknown>[]) : [];
    for (const method of METHODS) {
      const operation = item[method] as Record<string, unknown> | undefined;
      if (!operation || typeof operation !== 'object') continue;
      const parameters = new Map<string, SpecParameter>();
      for (const parameter of keyParameters) parameters.set(`${parameter.in}:${parameter.name.toLowerCase()}`, parameter);
      for (const parameter of [...shared, ...(Array.isArray(operation.parameters) ? (operation.parameters as Record<string, unknown>[]) : [])]) {
        if (!parameter || typeof parameter.name !== 'string') continue;
        parameters.set(`${parameter.in}:${parameter.name.toLowerCase()}`, { name: parameter.name, in: String(parameter.in), required: parameter.required === true });
      }
      const security = operation.security ?? globalSecurity;
      const secured = Array.isArray(security) && security.length > 0 && !security.some((requirement) => requirement && typeof requirement === 'object' && Object.keys(requirement).length === 0);
      const body = operation.requestBody as { required?: boolean; content?: Record<string, { schema?: Record<string, unknown> }> } | undefined;
      const responses: SpecOperation['responses'] = {};
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>)) {
        responses[status] = Object.fromEntries(Object.entries(response?.content ?? {}).map(([mediaType, media]) => [mediaType.toLowerCase(), media?.schema]));
      }
      const origin = document.originOf(['paths', path, method]);
      const range = origin.source.range(origin.pointer, { key: true });
      const location: DocumentLocation = { file: origin.source.displayPath, pointer: joinPointer(joinPointer('/paths', path), method), line: range.line, column: range.column };
      for (const base of basePaths) {
        const full = joinPaths(base, path);
        operations.push({
          method: method.toUpperCase(),
          path: full,
          segments: full.split('/').filter(Boolean),
          deprecated: operation.deprecated === true,
          secured,
          parameters: [...parameters.values()],
          requestBody: body?.content
            ? { required: body.required === true, content: Object.fromEntries(Object.entries(body.content).map(([mediaType, media]) => [mediaType.toLowerCase(), media?.schema])) }
            : undefined,
          responses,
          location,
        });
      }
    }
  }
  return { file: document.root.displayPath, operations, document };
}

/** Path prefixes from `servers` (3.x) or `basePath` (2.0); `''` when none. */
function serverBasePaths(root: Record<string, unknown>): string[] {
  const bases = new Set<string>();
  if (typeof root.basePath === 'string') bases.add(root.basePath.replace(/\/$/, ''));
  if (Array.isArray(root.servers)) {
    for (const server of root.servers as { url?: string }[]) {
      if (typeof server?.url !== 'string') continue;
      const url = server.url.replace(/\{[^}]+\}/g, 'x');
      let path: string;
      try {
        path = new URL(url, 'http://relative.invalid').pathname;
      } catch {
        continue;
      }
      bases.add(path.replace(/\/$/, ''));
    }
  }
  if (bases.size === 0) bases.add('');
  return [...bases];
}

function joinPaths(base: string, path: string): string {
  return `${base}${path.startsWith('/') ? '' : '/'}${path}`.replace(/\/+$/, '') || '/';
}

/**
 * The documented operation a path belongs to (concrete or templated): the shared matcher of
 * `traffic/operation-matcher.ts` (literal segments equal, the most literal match wins), indexed once
 * per operation list.
 */
export function matchOperation(operations: readonly SpecOperation[], method: string, segments: readonly string[]): SpecOperation | undefined {
  return matcherFor(operations).match(method, segments);
}

/** Errors of one value: the first `MAX_LISTED_ERRORS` messages, and how many there were. */
export interface SchemaErrors {
  messages: string[];
  total: number;
}

/** The largest body whose every schema error is collected (a second, all-errors validation). */
export const ALL_ERRORS_MAX_BYTES = 64 * 1024;

/** Errors listed per body; the rest are counted. */
export const MAX_LISTED_ERRORS = 10;

/**
 * Validates bodies against documented schemas; compiled once per schema, lazily. A value is checked
 * by a validator that stops at the first error (the proxy checks every body); only a value that
 * fails is checked again by one that collects every error, compiled for that schema on first need.
 */
export class ResponseValidator {
  private readonly ajv = createAjv('draft2020-12', { strict: false, allErrors: false, validateFormats: true });
  private allErrorsAjv?: ReturnType<typeof createAjv>;
  private readonly cache = new Map<object, ValidateFunction | null>();
  private readonly allErrorsCache = new Map<object, ValidateFunction | null>();

  /** An error message (pointer + keyword, never the value) or undefined when valid or not checkable. */
  validate(schema: Record<string, unknown> | undefined, value: unknown): string | undefined {
    const validate = this.compiled(schema, false);
    if (!validate || validate(value)) return undefined;
    const error = validate.errors?.[0];
    return error ? errorMessage(error) : 'does not match the schema';
  }

  /**
   * Every error of the value (messages as `validate`'s, distinct, the first `limit`), or none when
   * valid or not checkable. Collecting all errors costs in proportion to them, and a client can send
   * a body that is nothing but errors: past `ALL_ERRORS_MAX_BYTES` (or of unknown size) only the first is given.
   */
  validateAll(schema: Record<string, unknown> | undefined, value: unknown, bytes: number | undefined, limit = MAX_LISTED_ERRORS): SchemaErrors {
    const first = this.validate(schema, value);
    if (first === undefined) return { messages: [], total: 0 };
    if (bytes === undefined || bytes > ALL_ERRORS_MAX_BYTES) return { messages: [first], total: 1 };
    const validate = this.compiled(schema, true);
    const all = validate && !validate(value) ? [...new Set((validate.errors ?? []).map(errorMessage))] : [];
    // Both validators judge alike; should they not, the first error still stands.
    const messages = all.length > 0 ? all : [first];
    return { messages: messages.slice(0, limit), total: messages.length };
  }

  private compiled(schema: Record<string, unknown> | undefined, allErrors: boolean): ValidateFunction | null {
    if (!schema || typeof schema !== 'object') return null;
    const cache = allErrors ? this.allErrorsCache : this.cache;
    let validate = cache.get(schema);
    if (validate === undefined) {
      const ajv = allErrors ? (this.allErrorsAjv ??= createAjv('draft2020-12', { strict: false, allErrors: true, validateFormats: true })) : this.ajv;
      try {
        validate = ajv.compile(toJsonSchema2020(schema));
      } catch {
        validate = null;
      }
      cache.set(schema, validate);
    }
    return validate;
  }
}

function errorMessage(error: ErrorObject): string {
  return `${error.instancePath || '(root)'} ${error.message ?? error.keyword}`;
}

/** OpenAPI 3.0 `nullable` → JSON Schema type unions; cycles left as $ref are dropped (not checkable). */
function toJsonSchema2020(schema: Record<string, unknown>, seen = new Set<object>()): Record<string, unknown> {
  if (seen.has(schema)) return {};
  seen.add(schema);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' || key === 'nullable' || key === 'discriminator' || key === 'xml' || key === 'example' || key.startsWith('x-')) continue;
    if (Array.isArray(value)) out[key] = value.map((item) => (item && typeof item === 'object' ? toJsonSchema2020(item as Record<string, unknown>, seen) : item));
    else if (value && typeof value === 'object' && key !== 'enum' && key !== 'const' && key !== 'default') {
      out[key] = key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions'
        ? Object.fromEntries(Object.entries(value as Record<string, Record<string, unknown>>).map(([name, child]) => [name, child && typeof child === 'object' ? toJsonSchema2020(child, seen) : child]))
        : toJsonSchema2020(value as Record<string, unknown>, seen);
    } else out[key] = value;
  }
  if (schema.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  seen.delete(schema);
  return out;
}
