import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Finding } from '../../core/finding.js';
import type { Exchange } from '../../traffic/exchange.js';
import { Contract } from '../contract.js';
import type { DetectorId } from '../detectors/index.js';
import { IdentityResolver } from '../identity.js';
import { Monitor } from '../monitor.js';
import type { DetectorMode } from '../types.js';

export const T0 = Date.parse('2026-01-01T00:00:00Z');
const STRONG_SECRET = 'a-long-random-test-secret-0f9e8d7c6b5a4938';

/** A signed HS256 JWT (strong secret unless given). */
export function jwt(claims: Record<string, unknown>, options: { secret?: string; alg?: string } = {}): string {
  const header = Buffer.from(JSON.stringify({ alg: options.alg ?? 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  if (options.alg === 'none') return `${header}.${payload}.`;
  const signature = createHmac('sha256', options.secret ?? STRONG_SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** A short-lived token for `sub` with `role`. */
export function userToken(sub: string, role = 'user'): string {
  const iat = Math.floor(T0 / 1000);
  return jwt({ sub, role, iat, exp: iat + 900 });
}

export interface ExchangeSpec {
  /** Milliseconds after T0. */
  at?: number;
  method?: string;
  path: string;
  token?: string;
  apiKey?: string;
  ip?: string;
  status?: number;
  requestJson?: unknown;
  responseJson?: unknown;
  responseType?: string;
  headers?: Record<string, string>;
}

export function exchange(spec: ExchangeSpec): Exchange {
  const headers: Record<string, string> = { ...spec.headers };
  if (spec.token) headers.authorization = `Bearer ${spec.token}`;
  if (spec.apiKey) headers['x-api-key'] = spec.apiKey;
  if (spec.requestJson !== undefined) headers['content-type'] = 'application/json';
  const responseText = spec.responseJson === undefined ? undefined : JSON.stringify(spec.responseJson);
  return {
    startedAt: T0 + (spec.at ?? 0),
    request: {
      method: spec.method ?? 'GET',
      url: `http://api.test${spec.path}`,
      headers,
      body: spec.requestJson === undefined ? undefined : { mediaType: 'application/json', text: JSON.stringify(spec.requestJson), size: JSON.stringify(spec.requestJson).length },
    },
    response: {
      status: spec.status ?? 200,
      headers: responseText ? { 'content-type': spec.responseType ?? 'application/json' } : {},
      body: responseText ? { mediaType: spec.responseType ?? 'application/json', text: responseText, size: responseText.length } : undefined,
    },
    client: spec.ip,
    origin: 'test',
  };
}

/** Runs exchanges through a monitor where only `id` is on; returns the alerts. */
export function runDetector(id: DetectorId, exchanges: readonly Exchange[], options: { thresholds?: Record<string, number>; contract?: Contract; minVersion?: string; baselineFile?: string; mode?: DetectorMode } = {}): Finding[] {
  const findings: Finding[] = [];
  const monitor = new Monitor({
    identity: new IdentityResolver(),
    contract: options.contract,
    defaultMode: 'off',
    detectors: { [id]: { mode: options.mode ?? 'monitor', options: options.thresholds } },
    minVersion: options.minVersion,
    baselineFile: options.baselineFile,
    onAlert: (finding) => findings.push(finding),
  });
  for (const item of exchanges) monitor.replay(item);
  monitor.close();
  return findings;
}

/** The demo's order: several constraints, so one body can break many at once. */
const ORDER = {
  type: 'object',
  additionalProperties: false,
  required: ['accountId', 'item', 'quantity'],
  properties: {
    id: { type: 'string', readOnly: true },
    accountId: { type: 'string', pattern: '^acc_[0-9]+$' },
    item: { type: 'string', minLength: 1 },
    quantity: { type: 'integer', minimum: 1 },
    total: { type: 'number', readOnly: true },
    status: { type: 'string', enum: ['new', 'paid'], readOnly: true },
  },
};

/** The demo-like description the contract detectors are tested against. */
export const TEST_SPEC = {
  openapi: '3.0.3',
  info: { title: 'test', version: '1.0.0' },
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  security: [{ bearer: [] }],
  paths: {
    '/login': { post: { operationId: 'login', security: [], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } } } } }, responses: { '200': { description: 'ok' }, '401': { description: 'no' } } } },
    '/accounts/{accountId}': { get: { operationId: 'getAccount', parameters: [{ name: 'accountId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['id', 'balance'], properties: { id: { type: 'string' }, balance: { type: 'number' }, owner: { type: 'string' } } } } } }, '404': { description: 'no' } } } },
    '/accounts': { get: { operationId: 'listAccounts', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } } } } } } } },
    '/products/{productId}': { get: { operationId: 'getProduct', security: [], responses: { '200': { description: 'ok' } } } },
    '/legacy/report': { get: { operationId: 'legacyReport', deprecated: true, responses: { '200': { description: 'ok' } } } },
    '/admin/users': { get: { operationId: 'adminUsers', responses: { '200': { description: 'ok' } } } },
    '/orders': { post: { operationId: 'createOrder', requestBody: { required: true, content: { 'application/json': { schema: ORDER } } }, responses: { '201': { description: 'created', content: { 'application/json': { schema: ORDER } } } } } },
    '/readings': { post: { operationId: 'addReadings', requestBody: { content: { 'application/json': { schema: { type: 'array', items: { type: 'integer' } } } } }, responses: { '204': { description: 'stored' } } } },
    '/users/me': { get: { operationId: 'getMe', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' }, email: { type: 'string' } } } } } } } } },
  },
};

let contract: Promise<Contract> | undefined;
export function testContract(): Promise<Contract> {
  contract ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rampart-monitor-'));
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(TEST_SPEC));
    return Contract.load(file, dir);
  })();
  return contract;
}

/** Ids and patterns of alerts, for compact exact assertions. */
export function summary(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.ruleId} ${(finding.location as { method: string; path: string }).method} ${(finding.location as { path: string }).path} ${finding.evidence?.identity}${finding.evidence?.pattern ? ` ${finding.evidence.pattern}` : ''}`);
}
