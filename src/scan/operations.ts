import type { Api, MediaType, Operation, Schema } from '../spec/api.js';

/** `GET /accounts/{accountId}`: how findings, skips and config name an operation. */
export function operationKey(operation: Operation): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

export function pathParams(operation: Operation): string[] {
  return [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

const SELF_SEGMENTS = new Set(['me', 'self', 'current', 'mine']);
const AUTH_PATH = /(^|\/)(login|logout|signin|signout|sign-in|sign-out|token|oauth2?|auth|session|sessions|password|password-reset|reset|forgot|register|signup|sign-up)(\/|$)/i;

/** `accounts` → `account`, `categories` → `category`; good enough for resource names in paths. */
export function singular(word: string): string {
  const lower = word.toLowerCase();
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (/(ses|xes|ches|shes)$/.test(lower)) return lower.slice(0, -2);
  if (lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
  return lower;
}

/** The resource a path is about: its last static segment (`/accounts/{id}` → account; `/users/me` → user). */
export function resourceOfPath(path: string): string | undefined {
  const segments = path.split('/').filter(Boolean).filter((segment) => !segment.startsWith('{'));
  let last = segments.pop();
  if (last && SELF_SEGMENTS.has(last.toLowerCase())) last = segments.pop();
  return last ? singular(last.replace(/[^A-Za-z0-9]/g, '')) : undefined;
}

/** The resource a parameter or property names (`accountId`, `account_id` → account); `id` needs the path. */
export function resourceOfName(name: string, path?: string): string | undefined {
  const match = /^(.+?)[-_]?(id|ID|Id|uuid|UUID|Uuid)$/.exec(name);
  if (match && match[1]) return singular(match[1].replace(/[^A-Za-z0-9]/g, ''));
  if (/^(id|uuid)$/i.test(name) && path) {
    const before = path.slice(0, path.indexOf(`{${name}}`));
    return resourceOfPath(before);
  }
  return undefined;
}

export function isAuthOperation(operation: Operation): boolean {
  return AUTH_PATH.test(operation.path);
}

/** The JSON media type of a request body, if the operation takes one. */
export function jsonBody(operation: Operation): MediaType | undefined {
  if (!operation.requestBody) return undefined;
  for (const [mediaType, media] of operation.requestBody.content) if (/[/+]json\b/i.test(mediaType) || mediaType === '*/*') return media;
  return undefined;
}

/** A POST to a collection path (no trailing parameter) with a JSON body: it creates something. */
export function isCreate(operation: Operation): boolean {
  return operation.method === 'post' && !/\}$/.test(operation.path) && !isAuthOperation(operation) && jsonBody(operation) !== undefined;
}

/** The operation on `{collection}/{param}` with `method`, if any. */
export function itemOperation(api: Api, collectionPath: string, method: string): Operation | undefined {
  const prefix = collectionPath.replace(/\/$/, '');
  return api.operations.find((operation) => operation.method === method && new RegExp(`^${escape(prefix)}/\\{[^}/]+\\}$`).test(operation.path));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Declared security that needs something (not `[]`, not only `{}` alternatives). */
export function declaresAuth(operation: Operation): boolean {
  return operation.security.length > 0 && operation.security.every((requirement) => requirement.size > 0);
}

/** Admin-only by its path, tags, OAuth scopes or the scan configuration. */
export function isAdminOperation(operation: Operation, configured: readonly string[]): boolean {
  if (configured.some((entry) => entry.toUpperCase() === operationKey(operation).toUpperCase())) return true;
  if (/(^|\/)(admin|administration|internal|manage|management|superuser)(\/|$)/i.test(operation.path)) return true;
  if (operation.tags.some((tag) => /^admin/i.test(tag))) return true;
  return operation.security.length > 0 && operation.security.every((requirement) => [...requirement.values()].some((scopes) => scopes.some((scope) => /admin/i.test(scope))));
}

/** The 2xx response schema for a JSON body (the lowest 2xx first). */
export function successSchema(operation: Operation): Schema | undefined {
  const statuses = [...operation.responses.keys()].filter((status) => /^2/.test(status)).sort();
  for (const status of statuses) {
    for (const [mediaType, media] of operation.responses.get(status)!.content) if (/json/i.test(mediaType) && media.schema) return media.schema;
  }
  return undefined;
}
