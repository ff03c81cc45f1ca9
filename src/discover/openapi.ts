import { dump } from 'js-yaml';
import type { Inventory, InventoryEndpoint } from './inventory.js';

const METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE']);

/**
 * An OpenAPI 3.1 description reconstructed from the inventory: one operation per REST/form
 * endpoint (GraphQL operations share their endpoint; gRPC and SOAP calls become POST operations
 * described by `x-rampart-operations`). Inferred schemas, parameters with types, security schemes
 * for the credentials seen. Examples are never copied: traffic may hold personal data.
 */
export function reconstructOpenApi(inventory: Inventory, options: { title?: string } = {}): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemes: Record<string, unknown> = {};
  const operationIds = new Set<string>();
  const grouped = new Map<string, InventoryEndpoint[]>();
  for (const endpoint of inventory.endpoints) {
    if (!METHODS.has(endpoint.method)) continue;
    const key = `${endpoint.path} ${endpoint.method}`;
    grouped.set(key, [...(grouped.get(key) ?? []), endpoint]);
  }
  for (const endpoints of grouped.values()) {
    const first = endpoints[0]!;
    const method = first.method.toLowerCase();
    const merged = endpoints.length === 1 ? first : mergeEndpoints(endpoints);
    const operation: Record<string, unknown> = {
      operationId: uniqueId(operationIdFor(first), operationIds),
      summary: `${first.protocol === 'rest' ? '' : `${first.protocol} `}${first.method} ${first.path}`.trim(),
      'x-rampart-observed': { count: merged.count, confidence: merged.confidence, firstSeen: merged.firstSeen, lastSeen: merged.lastSeen },
    };
    if (endpoints.some((endpoint) => endpoint.operation)) operation['x-rampart-operations'] = endpoints.map((endpoint) => endpoint.operation).filter(Boolean);
    const parameters: Record<string, unknown>[] = [];
    for (const parameter of merged.parameters) {
      parameters.push({ name: parameter.name, in: 'path', required: true, schema: parameter.schema, 'x-rampart-confidence': parameter.confidence });
    }
    for (const query of merged.query) {
      parameters.push({ name: query.name, in: 'query', required: query.count >= merged.count, schema: stripEmpty(query.schema) });
    }
    for (const header of merged.headers) {
      parameters.push({ name: header.name, in: 'header', required: header.count >= merged.count, schema: { type: 'string' } });
    }
    if (parameters.length > 0) operation.parameters = parameters;
    const requestTypes = Object.entries(merged.requestBody);
    if (requestTypes.length > 0 && !['get', 'head', 'delete'].includes(method)) {
      operation.requestBody = { content: Object.fromEntries(requestTypes.map(([mediaType, schema]) => [mediaType, { schema: stripEmpty(schema) }])) };
    }
    const responses: Record<string, unknown> = {};
    for (const status of Object.keys(merged.statuses).sort()) {
      if (!/^[1-5]\d\d$/.test(status)) continue;
      const bodies = merged.responses[status] ?? {};
      const response: Record<string, unknown> = { description: `Observed ${merged.statuses[status]}×` };
      const content = Object.entries(bodies);
      if (content.length > 0) response.content = Object.fromEntries(content.map(([mediaType, schema]) => [mediaType, { schema: stripEmpty(schema) }]));
      responses[status] = response;
    }
    if (Object.keys(responses).length === 0) responses.default = { description: 'No response observed' };
    operation.responses = responses;
    const security = securityFor(merged, schemes);
    if (security) operation.security = security;
    if (merged.sensitive.length > 0) operation['x-rampart-sensitive'] = merged.sensitive;
    (paths[first.path] ??= {})[method] = operation;
  }
  const document: Record<string, unknown> = {
    openapi: '3.1.0',
    info: { title: options.title ?? 'Reconstructed from traffic', version: '0.0.0', description: `Reconstructed by rampart discover from ${inventory.summary.exchanges} exchanges.` },
    servers: inventory.summary.hosts.filter((host) => host !== 'unknown.invalid').map((host) => ({ url: `${/^(localhost|127\.)/.test(host) ? 'http' : 'https'}://${host}` })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
  };
  if ((document.servers as unknown[]).length === 0) delete document.servers;
  if (Object.keys(schemes).length > 0) document.components = { securitySchemes: schemes };
  return document;
}

export function toYaml(document: Record<string, unknown>): string {
  return dump(document, { noRefs: true, lineWidth: 120, sortKeys: false });
}

function securityFor(endpoint: InventoryEndpoint, schemes: Record<string, unknown>): Record<string, string[]>[] | undefined {
  const kinds = endpoint.auth.kinds;
  const requirements: Record<string, string[]>[] = [];
  const add = (name: string, scheme: unknown) => {
    schemes[name] = scheme;
    requirements.push({ [name]: [] });
  };
  if (kinds['bearer-jwt']) add('bearerJwt', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  if (kinds.bearer) add('bearer', { type: 'http', scheme: 'bearer' });
  if (kinds.basic) add('basic', { type: 'http', scheme: 'basic' });
  if (kinds['api-key-header']) add('apiKeyHeader', { type: 'apiKey', in: 'header', name: 'X-API-Key' });
  if (kinds['api-key-query']) add('apiKeyQuery', { type: 'apiKey', in: 'query', name: 'api_key' });
  if (kinds['cookie-session']) add('sessionCookie', { type: 'apiKey', in: 'cookie', name: 'session' });
  if (kinds.mtls) add('mutualTLS', { type: 'mutualTLS' });
  // Only anonymous calls seen: say the operation is public rather than leave it unstated.
  if (requirements.length === 0) return kinds.none ? [] : undefined;
  // Some calls went through without credentials: say so with the anonymous requirement.
  if (kinds.none) requirements.push({});
  return requirements;
}

function operationIdFor(endpoint: InventoryEndpoint): string {
  const words = endpoint.path
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith('{') ? `by-${segment.slice(1, -1)}` : segment))
    .join('-')
    .replace(/[^A-Za-z0-9]+/g, '-');
  const camel = `${endpoint.method.toLowerCase()}-${words || 'root'}`.replace(/-+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  return camel.replace(/-/g, '');
}

function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  let n = 2;
  while (taken.has(candidate)) candidate = `${id}${n++}`;
  taken.add(candidate);
  return candidate;
}

/** GraphQL operations on one endpoint: counts summed, schemas of the first kept. */
function mergeEndpoints(endpoints: InventoryEndpoint[]): InventoryEndpoint {
  const base = { ...endpoints[0]!, statuses: { ...endpoints[0]!.statuses }, auth: { ...endpoints[0]!.auth, kinds: { ...endpoints[0]!.auth.kinds } } };
  for (const endpoint of endpoints.slice(1)) {
    base.count += endpoint.count;
    for (const [status, count] of Object.entries(endpoint.statuses)) base.statuses[status] = (base.statuses[status] ?? 0) + count;
    for (const [kind, count] of Object.entries(endpoint.auth.kinds)) base.auth.kinds[kind] = (base.auth.kinds[kind] ?? 0) + count;
    base.sensitive = [...new Set([...base.sensitive, ...endpoint.sensitive])].sort();
    base.responses = { ...endpoint.responses, ...base.responses };
  }
  return base;
}

function stripEmpty(schema: Record<string, unknown>): Record<string, unknown> {
  return Object.keys(schema).length === 0 ? {} : schema;
}
