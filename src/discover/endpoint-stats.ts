import type { AuthKind } from '../traffic/auth.js';
import type { DataClass } from '../traffic/classifiers/index.js';
import type { JwtWeakness } from '../traffic/jwt.js';
import { emptySketch, mergeSketch, type SchemaSketch } from '../traffic/schema-inference.js';
import { emptyHistogram, mergeHistogram, type LatencyHistogram } from './latency.js';

/** Everything remembered about one endpoint; bounded, and mergeable when templating merges branches. */
export interface EndpointStats {
  count: number;
  hosts: Record<string, number>;
  statuses: Record<string, number>;
  firstSeen: number;
  lastSeen: number;
  latency: LatencyHistogram;
  auth: Partial<Record<AuthKind, number>>;
  /** Requests that carried no credential, and how many of them got a 2xx. */
  unauthenticated: number;
  unauthenticatedSuccess: number;
  identities: Set<string>;
  clients: Record<string, number>;
  jwtAlgs: Record<string, number>;
  jwtWeaknesses: Partial<Record<JwtWeakness, number>>;
  query: Record<string, SchemaSketch>;
  headers: Record<string, number>;
  requestBodies: Record<string, SchemaSketch>;
  responses: Record<string, Record<string, SchemaSketch>>;
  /** `where|field|class` → count; where is request.query, request.header, request.body, response.body, response.header. */
  sensitive: Record<string, number>;
  invalidJsonBodies: number;
  opaqueBodies: number;
  /** Responses that violated the documented schema (only with a spec): count and first messages. */
  schemaViolations: number;
  violationMessages: string[];
}

export const IDENTITY_CAP = 1000;
export const CLIENT_CAP = 50;
export const PARAMETER_CAP = 100;

export function emptyStats(): EndpointStats {
  return {
    count: 0,
    hosts: {},
    statuses: {},
    firstSeen: Number.POSITIVE_INFINITY,
    lastSeen: Number.NEGATIVE_INFINITY,
    latency: emptyHistogram(),
    auth: {},
    unauthenticated: 0,
    unauthenticatedSuccess: 0,
    identities: new Set(),
    clients: {},
    jwtAlgs: {},
    jwtWeaknesses: {},
    query: {},
    headers: {},
    requestBodies: {},
    responses: {},
    sensitive: {},
    invalidJsonBodies: 0,
    opaqueBodies: 0,
    schemaViolations: 0,
    violationMessages: [],
  };
}

export function bump<K extends string>(counts: Partial<Record<K, number>>, key: K, by = 1, cap = Number.POSITIVE_INFINITY): void {
  if (counts[key] === undefined && Object.keys(counts).length >= cap) return;
  counts[key] = (counts[key] ?? 0) + by;
}

function mergeCounts(into: Record<string, number>, from: Record<string, number>, cap = Number.POSITIVE_INFINITY): void {
  for (const [key, count] of Object.entries(from)) bump(into, key, count, cap);
}

function mergeSketches(into: Record<string, SchemaSketch>, from: Record<string, SchemaSketch>): void {
  for (const [key, sketch] of Object.entries(from)) {
    if (into[key]) mergeSketch(into[key]!, sketch);
    else into[key] = sketch;
  }
}

export function mergeStats(into: EndpointStats, from: EndpointStats): void {
  into.count += from.count;
  mergeCounts(into.hosts, from.hosts);
  mergeCounts(into.statuses, from.statuses);
  into.firstSeen = Math.min(into.firstSeen, from.firstSeen);
  into.lastSeen = Math.max(into.lastSeen, from.lastSeen);
  mergeHistogram(into.latency, from.latency);
  mergeCounts(into.auth as Record<string, number>, from.auth as Record<string, number>);
  into.unauthenticated += from.unauthenticated;
  into.unauthenticatedSuccess += from.unauthenticatedSuccess;
  for (const identity of from.identities) if (into.identities.size < IDENTITY_CAP) into.identities.add(identity);
  mergeCounts(into.clients, from.clients, CLIENT_CAP);
  mergeCounts(into.jwtAlgs, from.jwtAlgs);
  mergeCounts(into.jwtWeaknesses as Record<string, number>, from.jwtWeaknesses as Record<string, number>);
  mergeSketches(into.query, from.query);
  mergeCounts(into.headers, from.headers, PARAMETER_CAP);
  mergeSketches(into.requestBodies, from.requestBodies);
  for (const [status, bodies] of Object.entries(from.responses)) {
    into.responses[status] ??= {};
    mergeSketches(into.responses[status]!, bodies);
  }
  mergeCounts(into.sensitive, from.sensitive);
  into.invalidJsonBodies += from.invalidJsonBodies;
  into.opaqueBodies += from.opaqueBodies;
  into.schemaViolations += from.schemaViolations;
  for (const message of from.violationMessages) if (into.violationMessages.length < 5 && !into.violationMessages.includes(message)) into.violationMessages.push(message);
}

export function sketchFor(map: Record<string, SchemaSketch>, key: string, cap = PARAMETER_CAP): SchemaSketch | undefined {
  if (map[key]) return map[key];
  if (Object.keys(map).length >= cap) return undefined;
  return (map[key] = emptySketch());
}

export type { DataClass };
