/**
 * End to end with the demo API as the upstream, on 127.0.0.1: every detector is triggered by
 * bounded attack traffic through a live proxy (monitor mode, vulnerable demo); a benign mix
 * raises nothing and attacks are answered 429/403 by the proxy itself (enforce mode, secure
 * demo); and the HAR recorded by the client, replayed offline, gives the same alerts as live.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Finding } from '../../../src/core/finding.js';
import { replayTraffic, startProxy, type RunningProxy } from '../../../src/monitor/proxy.js';
import { startDemoApi, type RunningDemoApi } from '../../../examples/demo-api/server.js';
import { RecordingClient, tempDir, writeDemoSpec } from './demo.js';

const dir = tempDir();
const spec = writeDemoSpec(dir);
/** Small, explicit thresholds so each attack stays a few dozen requests. */
const detectors = {
  'rate-anomaly': { options: { windowSeconds: 10, perIdentity: 30 } },
  'brute-force': { options: { failuresPerClient: 5, usernamesPerClient: 3 } },
  bola: { options: { distinctIds: 10, foreignReads: 2 } },
  bfla: { options: { learnExchanges: 10 } },
  scanning: { options: { notFound: 20 } },
} as const;

const PASSWORDS: Record<string, string> = { alice: 'alice-demo-password', bob: 'bob-demo-password', root: 'root-demo-password' };

/** The benign mix: logins, profiles, own accounts and orders, the catalogue, the admin's admin page. Exactly 10 authenticated successes (the BFLA learning set). */
async function benign(client: RecordingClient): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const user of ['alice', 'bob', 'root']) {
    const login = await client.call('POST', '/auth/login', { json: { username: user, password: PASSWORDS[user] } });
    assert.equal(login.status, 200);
    tokens[user] = login.json().token;
  }
  await client.call('GET', '/users/me', { token: tokens.alice });
  await client.call('GET', '/users/me', { token: tokens.bob });
  for (const name of ['Checking', 'Savings']) assert.equal((await client.call('POST', '/accounts', { token: tokens.alice, json: { name, currency: 'EUR' } })).status, 201);
  assert.equal((await client.call('POST', '/accounts', { token: tokens.bob, json: { name: 'Main', currency: 'EUR' } })).status, 201);
  const mine = (await client.call('GET', '/accounts', { token: tokens.alice })).json() as { id: string }[];
  await client.call('GET', `/accounts/${mine[0]!.id}`, { token: tokens.alice });
  await client.call('GET', '/accounts', { token: tokens.bob });
  await client.call('GET', '/admin/users', { token: tokens.root });
  await client.call('GET', '/users/me', { token: tokens.root });
  await client.call('GET', '/products');
  await client.call('GET', '/health');
  return tokens;
}

function describeAlert(finding: Finding): string {
  const location = finding.location as { method: string; path: string };
  const identity = String(finding.evidence?.identity ?? '').replace(/^ip:.*/, 'ip:*');
  return `${finding.ruleId} ${location.method} ${location.path} ${identity}${finding.evidence?.pattern ? ` ${finding.evidence.pattern}` : ''}`;
}

describe('monitor mode on the vulnerable demo: each detector fires on its attack; replay gives the same alerts', () => {
  let demo: RunningDemoApi;
  let proxy: RunningProxy;
  const live: Finding[] = [];
  const client = { current: undefined as unknown as RecordingClient };

  before(async () => {
    demo = await startDemoApi({ port: 0 });
    proxy = await startProxy({ upstream: demo.url, listen: '127.0.0.1:0', admin: false, spec, detectors, bflaBaseline: path.join(dir, 'bfla-monitor.json'), onAlert: (finding) => live.push(finding) });
    client.current = new RecordingClient(proxy.url);
  });
  after(async () => {
    await proxy.close(1000);
    await demo.close();
  });

  it('raises exactly the expected alerts, each with its OWASP category and the identity in evidence', async () => {
    const c = client.current;
    const tokens = await benign(c);
    const alice = tokens.alice!;
    const bob = tokens.bob!;
    // BOLA: bob reads alice's accounts (the demo lets him), then walks IDs.
    const alices = (await c.call('GET', '/accounts', { token: alice })).json() as { id: string }[];
    for (const account of alices) assert.equal((await c.call('GET', `/accounts/${account.id}`, { token: bob })).status, 200);
    for (let k = 0; k < 12; k++) await c.call('GET', `/accounts/acc_${900 + k}`, { token: bob });
    // BFLA: bob calls the admin listing only root used while learning.
    await c.call('GET', '/admin/users', { token: bob });
    // Rate: alice hammers the catalogue.
    for (let k = 0; k < 35; k++) await c.call('GET', '/products', { token: alice });
    // Zombie (deprecated in the description) and shadow (/openapi.json is not documented).
    await c.call('GET', '/products/prd_1', { token: alice });
    await c.call('GET', '/openapi.json');
    // Contract: an invalid order is accepted and echoed; a stored order is read back with a string total.
    const order = await c.call('POST', '/orders', { token: alice, json: { accountId: alices[0]!.id, item: 'pen', quantity: 2 } });
    await c.call('GET', `/orders/${order.json().id}`, { token: alice });
    await c.call('POST', '/orders', { token: alice, json: { accountId: alices[0]!.id, item: 'pen', quantity: 'many' } });
    // An unsigned token (no role claim: an unknown role to BFLA, too).
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"usr_1"}').toString('base64url')}.`;
    await c.call('GET', '/users/me', { token: none });
    // Scanning: an anonymous client probes for well-known files.
    for (let k = 0; k < 22; k++) await c.call('GET', `/probe-${k}/.env`);
    // Brute force last: alice's password guessed from one client.
    for (let k = 0; k < 6; k++) await c.call('POST', '/auth/login', { json: { username: 'alice', password: `guess-${k}` } });

    await new Promise((resolve) => setTimeout(resolve, 50));
    const got = [...new Set(live.map(describeAlert))].sort();
    assert.deepEqual(got, [
      'proxy-bfla GET /admin/users jwt:usr_2',
      'proxy-bfla GET /users/me jwt:usr_1',
      'proxy-bola GET /accounts/{accountId} jwt:usr_2 enumeration',
      'proxy-bola GET /accounts/{accountId} jwt:usr_2 foreign-ids',
      'proxy-brute-force POST /auth/login ip:* brute-force-client',
      'proxy-rate-anomaly GET /products jwt:usr_1',
      'proxy-request-contract POST /orders jwt:usr_1',
      'proxy-response-contract GET /orders/{orderId} jwt:usr_1',
      'proxy-response-contract POST /orders jwt:usr_1',
      'proxy-scanning GET /{id}/.env ip:* not-found-burst',
      'proxy-sensitive-data GET /admin/users jwt:usr_3',
      'proxy-sensitive-data GET /users/me jwt:usr_1',
      'proxy-shadow-operation GET /openapi.json ip:*',
      'proxy-unsafe-jwt GET /admin/users jwt:usr_3',
      'proxy-unsafe-jwt GET /users/me jwt:usr_1',
      'proxy-unsafe-jwt GET /users/me jwt:usr_2',
      'proxy-zombie-operation GET /products/{productId} jwt:usr_1',
    ].sort());
    for (const finding of live) {
      assert.ok(finding.owasp.length > 0, `${finding.ruleId} has an OWASP category`);
      assert.ok(finding.evidence?.identity, `${finding.ruleId} names the identity`);
      assert.equal(JSON.stringify(finding).includes(tokens.alice!), false, 'tokens never appear in alerts');
    }
  });

  it('replaying the recorded HAR offline gives the same alerts', async () => {
    const har = path.join(dir, 'recorded.har');
    client.current.writeHar(har);
    const replayed = await replayTraffic([har], { cwd: dir, spec, detectors, bflaBaseline: path.join(dir, 'bfla-replay.json') });
    assert.equal(replayed.exchanges, client.current.entries.length);
    assert.deepEqual([...new Set(replayed.findings.map(describeAlert))].sort(), [...new Set(live.map(describeAlert))].sort());
  });
});

describe('enforce mode on the secure demo: the benign mix passes untouched, attacks are answered by the proxy', () => {
  let demo: RunningDemoApi;
  let proxy: RunningProxy;
  const alerts: Finding[] = [];

  before(async () => {
    demo = await startDemoApi({ port: 0, secure: true });
    proxy = await startProxy({ upstream: demo.url, listen: '127.0.0.1:0', admin: false, spec, detectors, defaultMode: 'enforce', bflaBaseline: path.join(dir, 'bfla-enforce.json'), onAlert: (finding) => alerts.push(finding) });
  });
  after(async () => {
    await proxy.close(1000);
    await demo.close();
  });

  it('a benign mix raises no alert and nothing is blocked', async () => {
    await benign(new RecordingClient(proxy.url));
    assert.deepEqual(alerts.map(describeAlert), []);
    assert.equal(proxy.monitor.counters.blocked, 0);
  });

  it('attacks get 403/429 problem+json from the proxy, not the upstream', async () => {
    const c = new RecordingClient(proxy.url);
    const bob = (await c.call('POST', '/auth/login', { json: { username: 'bob', password: PASSWORDS.bob } })).json().token as string;
    const expectProblem = (reply: { status: number; contentType: string }, status: number, what: string) => {
      assert.equal(reply.status, status, what);
      assert.equal(reply.contentType, 'application/problem+json', `${what}: answered by the proxy`);
    };
    expectProblem(await c.call('GET', '/admin/users', { token: bob }), 403, 'BFLA');
    const walk = [];
    for (let k = 0; k < 12; k++) walk.push((await c.call('GET', `/accounts/acc_${900 + k}`, { token: bob })).status);
    assert.deepEqual(walk, [...Array(10).fill(404), 403, 403], 'BOLA enumeration: the 11th distinct ID is refused');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"usr_1"}').toString('base64url')}.`;
    expectProblem(await c.call('GET', '/users/me', { token: none }), 403, 'unsafe JWT');
    expectProblem(await c.call('GET', '/products/prd_1', { token: bob }), 403, 'zombie');
    let rate;
    for (let k = 0; k < 32; k++) rate = await c.call('GET', '/products', { token: bob });
    expectProblem(rate!, 429, 'rate');
    const logins = [];
    for (let k = 0; k < 7; k++) logins.push(await c.call('POST', '/auth/login', { json: { username: `user${k % 2}`, password: 'nope' } }));
    expectProblem(logins.at(-1)!, 429, 'brute force');
    const scans = [];
    for (let k = 0; k < 22; k++) scans.push(await c.call('GET', `/probe-${k}/.env`, { token: bob }));
    expectProblem(scans.at(-1)!, 403, 'scanning');
    assert.ok(proxy.monitor.counters.blocked >= 7);
    assert.ok(alerts.every((finding) => finding.evidence?.mode === 'enforce' || finding.evidence?.mode === 'monitor'));
  });
});
