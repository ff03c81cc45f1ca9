import type { DataClass } from '../traffic/classifiers/index.js';
import type { Exchange } from '../traffic/exchange.js';
import { PathTemplater, splitPath, type TemplateOverrides, type TemplateParameter } from '../traffic/path-templater.js';
import { detectProtocol, type Protocol } from '../traffic/protocol.js';
import { toJsonSchema, type JsonSchema } from '../traffic/schema-inference.js';
import { schemaForKinds, type SegmentKind } from '../traffic/value-types.js';
import { emptyStats, mergeStats, type EndpointStats } from './endpoint-stats.js';
import { percentile } from './latency.js';
import { observeExchange, parseBody } from './observe.js';
import { matchOperation, ResponseValidator, type SpecModel } from './spec-model.js';

export interface InventoryParameter {
  name: string;
  schema: JsonSchema;
  /** How many distinct values were seen (never the values: path segments carry IDs, e-mails, tokens). */
  distinctValues: number | string;
  confidence: number;
  reason: TemplateParameter['reason'];
}

export interface SensitiveField {
  where: string;
  field: string;
  dataClass: DataClass;
  count: number;
}

/** One endpoint of the inventory: the public JSON shape (`inventory.endpoints[]`). */
export interface InventoryEndpoint {
  method: string;
  path: string;
  protocol: Protocol;
  operation?: string;
  hosts: string[];
  count: number;
  statuses: Record<string, number>;
  firstSeen?: string;
  lastSeen?: string;
  latencyMs?: { p50?: number; p90?: number; p99?: number };
  auth: { kinds: Record<string, number>; unauthenticated: number; unauthenticatedSuccess: number };
  identities: { count: number; samples: string[] };
  clients: Record<string, number>;
  jwt?: { algorithms: Record<string, number>; weaknesses: Record<string, number> };
  parameters: InventoryParameter[];
  query: { name: string; count: number; schema: JsonSchema }[];
  headers: { name: string; count: number }[];
  requestBody: Record<string, JsonSchema>;
  responses: Record<string, Record<string, JsonSchema>>;
  sensitive: DataClass[];
  sensitiveFields: SensitiveField[];
  confidence: number;
  invalidJsonBodies: number;
  opaqueBodies: number;
  /** With a spec: the documented operation (`GET /users/{id}`) and schema violations. */
  documented?: string;
  schemaViolations?: { count: number; messages: string[] };
}

export interface Inventory {
  summary: {
    exchanges: number;
    endpoints: number;
    hosts: string[];
    protocols: Record<string, number>;
    staticAssets: number;
    healthChecks: number;
    firstSeen?: string;
    lastSeen?: string;
  };
  endpoints: InventoryEndpoint[];
  staticAssets: { extension: string; count: number; hosts: string[] }[];
  healthChecks: { method: string; path: string; count: number; statuses: Record<string, number> }[];
}

export interface InventoryOptions {
  overrides?: TemplateOverrides;
  minWordCardinality?: number;
  /** With a spec, responses are validated against it while streaming. */
  spec?: SpecModel;
}

interface Key {
  method: string;
  protocol: Protocol;
  operation?: string;
}

/** Streams exchanges into an inventory: one pass, bounded memory (see PathTemplater). */
export class InventoryBuilder {
  private readonly templater: PathTemplater<EndpointStats>;
  private readonly keys = new Map<string, Key>();
  private readonly staticAssets = new Map<string, { count: number; hosts: Set<string> }>();
  private readonly health = new Map<string, { method: string; path: string; count: number; statuses: Record<string, number> }>();
  private readonly validator?: ResponseValidator;
  exchanges = 0;

  constructor(private readonly options: InventoryOptions = {}) {
    this.templater = new PathTemplater<EndpointStats>({ create: emptyStats, merge: mergeStats, overrides: options.overrides, minWordCardinality: options.minWordCardinality });
    if (options.spec) this.validator = new ResponseValidator();
  }

  add(exchange: Exchange): void {
    this.exchanges++;
    let url: URL;
    try {
      url = new URL(exchange.request.url, 'http://unknown.invalid');
    } catch {
      return;
    }
    const path = normalizePath(url.pathname);
    const info = detectProtocol(exchange, path, url.searchParams);
    if (info.category === 'static') {
      const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? (exchange.response?.body?.mediaType || 'other');
      const entry = this.staticAssets.get(extension) ?? { count: 0, hosts: new Set<string>() };
      entry.count++;
      if (entry.hosts.size < 20) entry.hosts.add(url.host);
      this.staticAssets.set(extension, entry);
      return;
    }
    if (info.category === 'health') {
      const key = `${exchange.request.method} ${path}`;
      const entry = this.health.get(key) ?? { method: exchange.request.method, path, count: 0, statuses: {} };
      entry.count++;
      const status = String(exchange.response?.status ?? 'none');
      entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
      this.health.set(key, entry);
      return;
    }
    const keyText = `${exchange.request.method} ${info.protocol}${info.operation ? ` ${info.operation}` : ''}`;
    if (!this.keys.has(keyText)) this.keys.set(keyText, { method: exchange.request.method, protocol: info.protocol, operation: info.operation });
    // gRPC and SOAP paths name operations, not resources: never templated.
    const stats = this.templater.add(info.protocol === 'grpc' ? path.replace(/\{/g, '%7B') : path, keyText);
    const parsed = { request: parseBody(exchange.request.body), response: parseBody(exchange.response?.body) };
    observeExchange(stats, exchange, url, parsed);
    if (this.options.spec && this.validator && exchange.response && parsed.response.value !== undefined) {
      const operation = matchOperation(this.options.spec.operations, exchange.request.method, splitPath(path));
      const status = String(exchange.response.status);
      const byStatus = operation?.responses[status] ?? operation?.responses[`${status[0]}XX`] ?? operation?.responses.default;
      const mediaType = exchange.response.body?.mediaType ?? '';
      const schema = byStatus?.[mediaType] ?? byStatus?.['application/json'] ?? byStatus?.['*/*'];
      const message = this.validator.validate(schema, parsed.response.value);
      if (message) {
        stats.schemaViolations++;
        if (stats.violationMessages.length < 5 && !stats.violationMessages.includes(`${status}: ${message}`)) stats.violationMessages.push(`${status}: ${message}`);
      }
    }
  }

  finish(): Inventory {
    const endpoints: InventoryEndpoint[] = [];
    for (const result of this.templater.finish()) {
      const key = this.keys.get(result.key)!;
      endpoints.push(toEndpoint(key, result.template, result.value, result.parameters, result.confidence, this.options.spec));
    }
    endpoints.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method) || (a.operation ?? '').localeCompare(b.operation ?? ''));
    const hosts = new Set<string>();
    const protocols: Record<string, number> = {};
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const endpoint of endpoints) {
      endpoint.hosts.forEach((host) => hosts.add(host));
      protocols[endpoint.protocol] = (protocols[endpoint.protocol] ?? 0) + 1;
      if (endpoint.firstSeen) first = Math.min(first, Date.parse(endpoint.firstSeen));
      if (endpoint.lastSeen) last = Math.max(last, Date.parse(endpoint.lastSeen));
    }
    const staticAssets = [...this.staticAssets].map(([extension, entry]) => ({ extension, count: entry.count, hosts: [...entry.hosts].sort() })).sort((a, b) => b.count - a.count);
    const healthChecks = [...this.health.values()].sort((a, b) => a.path.localeCompare(b.path));
    return {
      summary: {
        exchanges: this.exchanges,
        endpoints: endpoints.length,
        hosts: [...hosts].sort(),
        protocols,
        staticAssets: staticAssets.reduce((sum, entry) => sum + entry.count, 0),
        healthChecks: healthChecks.reduce((sum, entry) => sum + entry.count, 0),
        firstSeen: Number.isFinite(first) ? new Date(first).toISOString() : undefined,
        lastSeen: Number.isFinite(last) ? new Date(last).toISOString() : undefined,
      },
      endpoints,
      staticAssets,
      healthChecks,
    };
  }
}

function normalizePath(pathname: string): string {
  const clean = pathname.replace(/\/{2,}/g, '/');
  return clean.length > 1 ? clean.replace(/\/$/, '') : clean;
}

function toEndpoint(key: Key, template: string, stats: EndpointStats, parameters: readonly TemplateParameter[], confidence: number, spec?: SpecModel): InventoryEndpoint {
  const sensitiveFields: SensitiveField[] = Object.entries(stats.sensitive)
    .map(([entry, count]) => {
      const [where, field, dataClass] = entry.split('|') as [string, string, DataClass];
      return { where, field, dataClass, count };
    })
    .sort((a, b) => a.where.localeCompare(b.where) || a.field.localeCompare(b.field) || a.dataClass.localeCompare(b.dataClass));
  const latencyMs = stats.latency.some((n) => n > 0) ? { p50: percentile(stats.latency, 0.5), p90: percentile(stats.latency, 0.9), p99: percentile(stats.latency, 0.99) } : undefined;
  const documented = spec ? matchOperation(spec.operations, key.method, splitPath(template)) : undefined;
  const endpoint: InventoryEndpoint = {
    method: key.method,
    path: template,
    protocol: key.protocol,
    operation: key.operation,
    hosts: Object.keys(stats.hosts).sort(),
    count: stats.count,
    statuses: stats.statuses,
    firstSeen: Number.isFinite(stats.firstSeen) ? new Date(stats.firstSeen).toISOString() : undefined,
    lastSeen: Number.isFinite(stats.lastSeen) ? new Date(stats.lastSeen).toISOString() : undefined,
    latencyMs,
    auth: { kinds: stats.auth as Record<string, number>, unauthenticated: stats.unauthenticated, unauthenticatedSuccess: stats.unauthenticatedSuccess },
    identities: { count: stats.identities.size, samples: [...stats.identities].slice(0, 5) },
    clients: stats.clients,
    jwt: Object.keys(stats.jwtAlgs).length > 0 ? { algorithms: stats.jwtAlgs, weaknesses: stats.jwtWeaknesses as Record<string, number> } : undefined,
    parameters: parameters.map((parameter) => ({
      name: parameter.name,
      schema: schemaForKinds(new Map(Object.entries(parameter.kinds)) as Map<SegmentKind, number>),
      distinctValues: parameter.distinctCapped ? `≥${parameter.distinct}` : parameter.distinct,
      confidence: parameter.confidence,
      reason: parameter.reason,
    })),
    query: Object.entries(stats.query).map(([name, sketch]) => ({ name, count: sketch.count, schema: toJsonSchema(sketch) })),
    headers: Object.entries(stats.headers).map(([name, count]) => ({ name, count })),
    requestBody: Object.fromEntries(Object.entries(stats.requestBodies).map(([mediaType, sketch]) => [mediaType, toJsonSchema(sketch)])),
    responses: Object.fromEntries(
      Object.entries(stats.responses).map(([status, bodies]) => [status, Object.fromEntries(Object.entries(bodies).map(([mediaType, sketch]) => [mediaType, toJsonSchema(sketch)]))]),
    ),
    sensitive: [...new Set(sensitiveFields.map((field) => field.dataClass))].sort(),
    sensitiveFields,
    confidence,
    invalidJsonBodies: stats.invalidJsonBodies,
    opaqueBodies: stats.opaqueBodies,
  };
  if (spec) {
    if (documented) endpoint.documented = `${documented.method} ${documented.path}`;
    if (stats.schemaViolations > 0) endpoint.schemaViolations = { count: stats.schemaViolations, messages: stats.violationMessages };
  }
  return endpoint;
}
