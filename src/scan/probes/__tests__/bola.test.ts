import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Api } from '../../../spec/api.js';
import type { Canary } from '../../canary.js';
import { ScanContext } from '../../context.js';
import { Session } from '../../identities.js';
import { Redactor } from '../../redact.js';
import type { SendOptions, Transport } from '../../transport.js';
import type { ScanExchange } from '../../types.js';
import bola, { bolaVerdict } from '../bola.js';
import { apiOf } from './schemas.js';

const r = (status: number, json: unknown) => ({ status, json });
test('BOLA verdict', () => {
  const account = { id: 'acc_1', ownerId: 'usr_1', balance: 5 };
  const cases: [string, Parameters<typeof bolaVerdict>, boolean][] = [
    ['vulnerable: B reads the same object', [r(200, account), r(200, account), r(401, {})], true],
    ['vulnerable: same id, a field differs (timestamps)', [r(200, { ...account, seenAt: 1 }), r(200, { ...account, seenAt: 2 }), undefined], true],
    ['fixed: 404 for B', [r(200, account), r(404, { error: 'not found' }), r(401, {})], false],
    ['false positive: public object (anonymous also 200)', [r(200, account), r(200, account), r(200, account)], false],
    ['false positive: B gets its own, different object', [r(200, account), r(200, { id: 'acc_9', ownerId: 'usr_2', balance: 0 }), r(401, {})], false],
    ['write: same shape counts', [r(200, account), r(200, { ...account, name: 'x' }), undefined, true], true],
  ];
  for (const [name, args, expected] of cases) assert.equal(bolaVerdict(...args), expected, name);
});

interface Doc { id: string; owner: string; sharedWith: string[] }
type Server = (identity: string | undefined, path: string) => { status: number; json: unknown };

/** A documents API: lists what the caller may see (its own first), reads one document by id. */
function documentsServer(documents: Doc[], checksAccess: boolean): Server {
  return (identity, path) => {
    if (!identity) return { status: 401, json: { error: 'unauthenticated' } };
    const visible = documents.filter((doc) => doc.owner === identity || doc.sharedWith.includes(identity));
    if (path === '/documents') return { status: 200, json: { data: [...visible.filter((doc) => doc.owner === identity), ...visible.filter((doc) => doc.owner !== identity)].map(({ id }) => ({ id })) } };
    const doc = (checksAccess ? visible : documents).find((candidate) => path === `/documents/${candidate.id}`);
    return doc ? { status: 200, json: { id: doc.id, owner: doc.owner } } : { status: 404, json: { error: 'not found' } };
  };
}

/** Runs the BOLA probe after the listings of exploration, against `server`; returns its findings. */
async function bolaFindings(server: Server): Promise<string[]> {
  const { operation } = await apiOf({}, {
    '/documents': { get: { responses: { '200': { description: 'visible documents' } } } },
    '/documents/{documentId}': { get: { parameters: [{ name: 'documentId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'one' } } } },
  });
  const exchanges: ScanExchange[] = [];
  const transport = {
    options: { target: new URL('http://127.0.0.1:9/'), allowDestructive: false },
    exchanges,
    async send(options: SendOptions): Promise<ScanExchange> {
      const { status, json } = server(options.identity, new URL(options.path, 'http://127.0.0.1:9').pathname);
      const exchange: ScanExchange = { id: exchanges.length + 1, probe: options.probe, identity: options.identity, operation: options.operation, attack: Boolean(options.attack), request: { method: options.method, url: `http://127.0.0.1:9${options.path}`, headers: options.headers ?? {} }, response: { status, headers: {}, body: JSON.stringify(json), json, durationMs: 1 } };
      exchanges.push(exchange);
      return exchange;
    },
  } as unknown as Transport;
  const redactor = new Redactor();
  const sessions = ['alice', 'bob'].map((name) => new Session({ name, role: 'user', headers: { 'X-Api-Key': `${name}-key-0123456789` }, cookies: {}, apply: { header: 'Authorization', value: 'Bearer {token}' } }, redactor));
  const api = { operations: [operation('get', '/documents'), operation('get', '/documents/{documentId}')] } as unknown as Api;
  const context = new ScanContext(api, transport, redactor, {} as Canary, sessions, { seed: 1, fuzzRuns: 1, burst: 1, allowDestructive: false, adminOperations: [] });
  // What exploration does: each user lists what it can see.
  for (const session of sessions) {
    const exchange = await context.send(operation('get', '/documents'), {}, { identity: session, probe: 'explore' });
    context.pool.learn(exchange!, operation('get', '/documents'), session.name);
  }
  await bola.run(context);
  return context.findings.map((finding) => `${finding.ruleId} ${'method' in finding.location ? `${finding.location.method} ${finding.location.path}` : 'elsewhere'}`);
}

test('BOLA probe: objects shared with the other user', async () => {
  const cases: [string, Doc[], boolean, string[]][] = [
    ['vulnerable: no access check, nothing shared', [{ id: 'd_a1', owner: 'alice', sharedWith: [] }, { id: 'd_b1', owner: 'bob', sharedWith: [] }], false, ['scan-bola GET /documents/{documentId}']],
    ['fixed: access checked', [{ id: 'd_a1', owner: 'alice', sharedWith: [] }, { id: 'd_b1', owner: 'bob', sharedWith: [] }], true, []],
    // bob lists d_b1 first and d_a1 (shared with him) second: he saw alice's id among his own.
    ['false positive: shared with bob, listed after his own documents', [{ id: 'd_a1', owner: 'alice', sharedWith: ['bob'] }, { id: 'd_a2', owner: 'alice', sharedWith: [] }, { id: 'd_b1', owner: 'bob', sharedWith: [] }], true, []],
  ];
  for (const [name, documents, checksAccess, expected] of cases) assert.deepEqual(await bolaFindings(documentsServer(documents, checksAccess)), expected, name);
});
