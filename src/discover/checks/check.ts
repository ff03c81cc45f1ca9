import { createHash } from 'node:crypto';
import type { Finding, Location } from '../../core/finding.js';
import type { Severity } from '../../core/severity.js';
import type { Inventory, InventoryEndpoint } from '../inventory.js';
import type { SpecModel, SpecOperation } from '../spec-model.js';

export interface CheckContext {
  inventory: Inventory;
  /** Present with `--spec`: checks that compare traffic with the description need it. */
  spec?: SpecModel;
  /** Each observed endpoint's documented operation (with a spec). */
  documented: ReadonlyMap<InventoryEndpoint, SpecOperation>;
}

export interface CheckReport {
  message: string;
  location: Location;
  evidence?: Record<string, unknown>;
  relatedLocations?: Location[];
}

/** A discovery check: metadata beside its logic; it reports, `runChecks` builds the Findings. */
export interface DiscoverCheck {
  id: string;
  description: string;
  defaultSeverity: Severity;
  needsSpec: boolean;
  owasp: string[];
  cwe: string[];
  fix: string;
  run: (context: CheckContext) => CheckReport[];
}

export function defineCheck(check: DiscoverCheck): DiscoverCheck {
  return check;
}

export function endpointLocation(endpoint: InventoryEndpoint): Location {
  return { method: endpoint.method, path: endpoint.operation ? `${endpoint.path} (${endpoint.operation})` : endpoint.path, host: endpoint.hosts[0] };
}

/** Evidence fields that say what a finding is about; counts and timestamps are left out so the fingerprint survives the next capture. */
const IDENTITY_FIELDS = ['in', 'name', 'status', 'mediaType', 'direction', 'weakness', 'fields', 'missing', 'method', 'path'];

function fingerprintOf(ruleId: string, location: Location, evidence: Record<string, unknown> | undefined): string {
  const where = 'file' in location ? `${location.file}#${location.pointer}` : `${location.method} ${location.path}`;
  const identity = IDENTITY_FIELDS.filter((key) => evidence?.[key] !== undefined).map((key) => `${key}=${JSON.stringify(evidence![key], (name, value) => (name === 'count' ? undefined : value))}`);
  return createHash('sha256').update([ruleId, where, ...identity].join('\u0000')).digest('hex').slice(0, 32);
}

/** The README's Discover section names and explains every check. */
const DISCOVER_DOCS_URL = 'https://github.com/rampart-dev/rampart/blob/main/README.md#discover';

export function toFinding(check: DiscoverCheck, report: CheckReport): Finding {
  return {
    fingerprint: fingerprintOf(check.id, report.location, report.evidence),
    ruleId: check.id,
    severity: check.defaultSeverity,
    message: report.message,
    location: report.location,
    relatedLocations: report.relatedLocations,
    owasp: check.owasp,
    cwe: check.cwe,
    fix: check.fix,
    docsUrl: DISCOVER_DOCS_URL,
    evidence: report.evidence,
  };
}

/** Dotted property paths a schema declares (`user.email`, `items[].id`), bounded in depth. */
export function declaredFields(schema: unknown, prefix = '', out = new Set<string>(), depth = 0, seen = new Set<object>()): Set<string> {
  if (!schema || typeof schema !== 'object' || depth > 16 || seen.has(schema)) return out;
  seen.add(schema);
  const node = schema as Record<string, unknown>;
  for (const combinator of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(node[combinator])) for (const part of node[combinator] as unknown[]) declaredFields(part, prefix, out, depth + 1, seen);
  }
  if (node.items) declaredFields(node.items, `${prefix}[]`, out, depth + 1, seen);
  if (node.properties && typeof node.properties === 'object') {
    for (const [name, child] of Object.entries(node.properties as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${name}` : name;
      out.add(path);
      declaredFields(child, path, out, depth + 1, seen);
    }
  }
  seen.delete(schema);
  return out;
}

/** True when the schema lets any property through at this level (no properties listed, or additionalProperties). */
export function isOpenObject(schema: unknown): boolean {
  if (!schema || typeof schema !== 'object') return true;
  const node = schema as Record<string, unknown>;
  if (['allOf', 'anyOf', 'oneOf'].some((key) => Array.isArray(node[key]))) return false;
  return !node.properties && node.additionalProperties !== false && !node.items;
}

/** The documented response content for an observed status: exact, `2XX`, then `default`. */
export function documentedResponse(operation: SpecOperation, status: string): Record<string, Record<string, unknown> | undefined> | undefined {
  return operation.responses[status] ?? operation.responses[`${status[0]}XX`] ?? operation.responses[`${status[0]}xx`] ?? operation.responses.default;
}
