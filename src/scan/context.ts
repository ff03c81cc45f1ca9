import { createHash } from 'node:crypto';
import type { Finding } from '../core/finding.js';
import type { Api, Operation } from '../spec/api.js';
import type { Canary } from './canary.js';
import { exchangeEvidence, reproduction, type ProofStep } from './evidence.js';
import type { Session } from './identities.js';
import { LinkBindings, type LinkBinding } from './links.js';
import { isAdminOperation, jsonBody, operationKey, pathParams } from './operations.js';
import { exampleValue, type PayloadContext } from './payload.js';
import type { Redactor } from './redact.js';
import { ResourcePool } from './resources.js';
import { RequestRefused, type Transport } from './transport.js';
import type { ProbeRule, ScanExchange, Skip } from './types.js';

export interface RequestInput {
  path?: Record<string, string>;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  /** A JSON value, serialised. */
  body?: unknown;
  /** Sent as is (malformed JSON, forms). */
  rawBody?: string;
}

export interface SendAs {
  /** The identity whose credentials go with the request; null for none. */
  identity: Session | null;
  probe: string;
  attack?: boolean;
  /** Replaces the identity's headers of the same name. */
  headers?: Record<string, string>;
  method?: string;
  scanCreated?: boolean;
}

export interface ScanSettings {
  seed: number;
  fuzzRuns: number;
  burst: number;
  allowDestructive: boolean;
  adminOperations: readonly string[];
}

export interface LabelledExchange {
  label: string;
  exchange: ScanExchange;
}

/** How a finding's curl proves it, when the last exchange alone does not. */
export interface Proof {
  /** The requests to replay, in order (default: the last exchange). */
  steps?: readonly ProofStep[];
  /** Lines before the curls, as shell comments or commands: what replaying needs that the curls cannot carry. */
  preface?: readonly string[];
}

/** Everything a probe may use: the Api, the identities, learned IDs, and the one way to send and report. */
export class ScanContext {
  readonly pool = new ResourcePool();
  readonly findings: Finding[] = [];
  readonly skips: Skip[] = [];
  /** Anonymous answers of operations explored without credentials (learned security). */
  readonly anonymous = new Map<Operation, ScanExchange>();
  private readonly reported = new Set<string>();

  constructor(
    readonly api: Api,
    readonly transport: Transport,
    readonly redactor: Redactor,
    readonly canary: Canary,
    readonly sessions: readonly Session[],
    readonly settings: ScanSettings,
    /** Values OpenAPI links carry from producers to consumers; they win over name matching. */
    readonly links: LinkBindings = new LinkBindings(),
  ) {}

  /** Logged-in identities of role user, in configuration order. */
  users(): Session[] {
    return this.sessions.filter((session) => session.role === 'user' && !session.failure);
  }

  admin(): Session | undefined {
    return this.sessions.find((session) => session.role === 'admin' && !session.failure);
  }

  isAdmin(operation: Operation): boolean {
    return isAdminOperation(operation, this.settings.adminOperations);
  }

  payloadContext(identity: Session | null, path?: string): PayloadContext {
    return {
      known: (name) => (identity ? this.pool.lookup(name, identity.name, path)?.id : undefined),
      url: () => this.canary.url('data').url,
    };
  }

  /** The first link binding of `operation` for `identity` (created objects first), optionally only one giving path parameter `name`. */
  linkBinding(operation: Operation, identity: Session | null, name?: string): LinkBinding | undefined {
    if (!identity) return undefined;
    return this.links.bindings(operation, identity.name).find((binding) => name === undefined || binding.path[name] !== undefined);
  }

  /**
   * Every value `identityName` learned for path parameter `name` of `operation`, by link or by name:
   * all of them, not only the one it would use, since an object listed among B's own (shared with
   * B) is one B may read.
   */
  knownValues(operation: Operation, name: string, identityName: string): string[] {
    const values = this.links.bindings(operation, identityName).map((binding) => binding.path[name]).filter((value): value is string => value !== undefined);
    return [...values, ...this.pool.lookupAll(name, identityName, operation.path).map((entry) => entry.id)];
  }

  /** Path values for `operation` from IDs `identity` owns (links first, then names); undefined when one is unknown. */
  pathValues(operation: Operation, identity: Session | null, createdOnly = false): { values: Record<string, string>; created: boolean } | undefined {
    const values: Record<string, string> = {};
    // Without path IDs the request names no object the scan created (PATCH /users/me changes an existing one).
    let created = pathParams(operation).length > 0;
    for (const name of pathParams(operation)) {
      const linked = this.linkBinding(operation, identity, name);
      if (linked && (!createdOnly || linked.created)) {
        values[name] = linked.path[name]!;
        created &&= linked.created;
        continue;
      }
      const known = identity ? this.pool.lookup(name, identity.name, operation.path) : undefined;
      if (known && (!createdOnly || known.created)) {
        values[name] = known.id;
        created &&= known.created;
        continue;
      }
      const parameter = operation.parameters.find((candidate) => candidate.in === 'path' && candidate.name === name);
      if (!parameter?.schema || createdOnly) return undefined;
      // A fixed, documented value (an enum) is not an ID and may be filled in.
      if (!parameter.schema.enum && !parameter.schema.hasConst && !parameter.schema.hasDefault) return undefined;
      values[name] = String(exampleValue(parameter.schema, this.payloadContext(identity)));
    }
    return { values, created };
  }

  /** A plain valid request for `operation` as `identity`: path IDs it owns, required query values (and any a link gives), an example body (or the link's). */
  exampleInput(operation: Operation, identity: Session | null): { input: RequestInput; created: boolean } | undefined {
    const path = this.pathValues(operation, identity);
    if (!path) return undefined;
    const linked = this.linkBinding(operation, identity);
    const context = this.payloadContext(identity, operation.path);
    const query: Record<string, string> = { ...(linked?.query ?? {}) };
    const headers: Record<string, string> = { ...(linked?.header ?? {}) };
    for (const parameter of operation.parameters) {
      if (!parameter.required || parameter.in === 'path') continue;
      if (parameter.in === 'query' && query[parameter.name] !== undefined) continue;
      if (parameter.in === 'header' && headers[parameter.name] !== undefined) continue;
      const value = String(exampleValue(parameter.schema, context, parameter.name));
      if (parameter.in === 'query') query[parameter.name] = value;
      else if (parameter.in === 'header') headers[parameter.name] = value;
    }
    const media = jsonBody(operation);
    const body = linked?.body ? linked.body.value : media?.schema ? exampleValue(media.schema, context) : media ? {} : undefined;
    return { input: { path: path.values, query, headers, body }, created: path.created };
  }

  /** The method may be sent for this resource: reads always, creation always, changes only to scan-created resources. */
  mayWrite(operation: Operation, created: boolean): boolean {
    const method = operation.method.toUpperCase();
    if (method === 'DELETE') return this.settings.allowDestructive;
    if (method === 'PUT' || method === 'PATCH') return created || this.settings.allowDestructive;
    if (method === 'POST' && pathParams(operation).length > 0) return created || this.settings.allowDestructive;
    return true;
  }

  url(operation: Operation | undefined, input: RequestInput, rawPath?: string): string {
    let path = rawPath ?? operation?.path ?? '/';
    if (!rawPath) path = path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(input.path?.[name] ?? ''));
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(input.query ?? {})) for (const item of Array.isArray(value) ? value : [value]) search.append(name, item);
    const query = search.toString();
    const base = this.transport.options.target.pathname.replace(/\/$/, '');
    return `${base}${path}${query ? `${path.includes('?') ? '&' : '?'}${query}` : ''}`;
  }

  /**
   * Sends one request; refreshes an identity's token once on a 401 (not for attacks). Returns
   * undefined when a safety rule refused it. The budget running out throws, ending the scan.
   */
  async send(operation: Operation | undefined, input: RequestInput, as: SendAs, rawPath?: string): Promise<ScanExchange | undefined> {
    const method = (as.method ?? operation?.method ?? 'get').toUpperCase();
    const build = () => {
      const headers: Record<string, string> = { ...(as.identity ? as.identity.headers() : {}), ...(input.headers ?? {}) };
      for (const [name, value] of Object.entries(as.headers ?? {})) {
        for (const existing of Object.keys(headers)) if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
        if (value !== '') headers[name] = value;
      }
      if (input.body !== undefined || input.rawBody !== undefined) headers['content-type'] ??= 'application/json';
      return headers;
    };
    const body = input.rawBody ?? (input.body === undefined ? undefined : JSON.stringify(input.body));
    const path = this.url(operation, input, rawPath);
    try {
      let exchange = await this.transport.send({ method, path, headers: build(), body, probe: as.probe, identity: as.identity?.name, operation, attack: as.attack, scanCreated: as.scanCreated });
      const session = as.identity;
      if (exchange.response?.status === 401 && session?.config.login && !as.attack && session.refreshes < 3 && (await session.refresh(this.transport))) {
        exchange = await this.transport.send({ method, path, headers: build(), body, probe: as.probe, identity: session.name, operation, attack: as.attack, scanCreated: as.scanCreated });
      }
      // The identity's own requests produce link values; attacks and anonymous calls never do.
      if (operation && session && !as.attack) this.links.learn(exchange, operation, session.name, input.path ?? {}, Boolean(as.scanCreated));
      return exchange;
    } catch (error) {
      if (error instanceof RequestRefused) {
        this.skip(as.probe, error.message, operation);
        return undefined;
      }
      throw error;
    }
  }

  skip(probe: string, reason: string, operation?: Operation): void {
    const key = operation ? operationKey(operation) : undefined;
    if (!this.skips.some((skip) => skip.probe === probe && skip.reason === reason && skip.operation === key)) this.skips.push({ probe, reason, operation: key });
  }

  /** Adds a finding once per rule and operation, with redacted evidence and a curl for the proving exchange (the last one, unless `proof` says otherwise). */
  report(rule: ProbeRule, at: { operation?: Operation; method?: string; path?: string }, message: string, exchanges: readonly LabelledExchange[], details: Record<string, unknown> = {}, proof: Proof = {}): void {
    const method = (at.operation?.method ?? at.method ?? 'GET').toUpperCase();
    const path = at.operation?.path ?? at.path ?? '/';
    const key = `${rule.id} ${method} ${path}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const last = exchanges[exchanges.length - 1]?.exchange;
    const steps = proof.steps ?? (last ? [{ exchange: last }] : []);
    this.findings.push({
      ruleId: rule.id,
      severity: rule.severity,
      message,
      location: { method, path },
      owasp: [...rule.owasp],
      cwe: [...rule.cwe],
      fix: rule.fix,
      evidence: { ...details, exchanges: exchanges.map(({ label, exchange }) => ({ label, ...exchangeEvidence(exchange, this.redactor) })) },
      reproduce: steps.length > 0 ? reproduction(steps, this.redactor, proof.preface) : undefined,
      fingerprint: createHash('sha256').update(key).digest('hex').slice(0, 16),
    });
  }
}
