/**
 * The store: consistent after SIGKILL mid-write; a failing store never stops traffic (drops are
 * counted); retention deletes old rows; alerts reach a webhook on 127.0.0.1 through retries.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startDemoApi } from '../../../examples/demo-api/server.js';
import { startProxy } from '../../../src/monitor/proxy.js';
import { WebhookSink } from '../../../src/monitor/webhook.js';
import { SqliteStore } from '../../../src/store/sqlite.js';
import { tempDir, writeDemoSpec } from './demo.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

test('store: opens consistent after the writer is killed with SIGKILL mid-write', async () => {
  const file = path.join(tempDir(), 'killed.db');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'store-worker.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  let written = 0;
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      written = Number(chunk.toString().trim().split('\n').at(-1));
      if (written >= 20_000) resolve();
    });
    setTimeout(resolve, 15_000).unref();
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('exit', resolve));
  assert.ok(written >= 20_000, `the worker wrote (${written})`);
  const store = SqliteStore.open(file);
  assert.deepEqual(store.query('PRAGMA integrity_check'), [{ integrity_check: 'ok' }]);
  const [{ count }] = store.query('SELECT count FROM operations') as { count: number }[];
  assert.ok(count >= 10_000 && count <= written + 200, `operations counted up to the last committed batch (${count} of ${written})`);
  const [{ alerts }] = store.query('SELECT count(*) AS alerts FROM alerts') as { alerts: number }[];
  assert.ok(alerts > 0);
  await store.close();
});

test('store: a failing store never stops traffic; drops are counted; samples are redacted', async () => {
  const demo = await startDemoApi({ port: 0 });
  const file = path.join(tempDir(), 'failing.db');
  const proxy = await startProxy({ upstream: demo.url, listen: '127.0.0.1:0', admin: '127.0.0.1:0', store: file, defaultMode: 'monitor' });
  try {
    const login = await fetch(`${proxy.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'alice', password: 'alice-demo-password' }) });
    const { token } = (await login.json()) as { token: string };
    assert.equal((await fetch(`${proxy.url}/users/me`, { headers: { authorization: `Bearer ${token}` } })).status, 200);
    await proxy.store!.flush();
    const samples = proxy.store!.query('SELECT exchange FROM samples') as { exchange: string }[];
    assert.ok(samples.length >= 2);
    const text = samples.map((row) => row.exchange).join('\n');
    for (const secret of [token, 'alice-demo-password', '219-09-9999']) assert.equal(text.includes(secret), false, 'samples are redacted');
    // Break the store underneath: every later write fails.
    proxy.store!.execute('DROP TABLE operations');
    for (let k = 0; k < 5; k++) assert.equal((await fetch(`${proxy.url}/health`)).status, 200, 'traffic flows');
    await proxy.store!.flush();
    assert.ok(proxy.store!.counters.dropped >= 5);
    const metrics = await (await fetch(`${proxy.adminUrl}/metrics`)).text();
    assert.match(metrics, /rampart_proxy_store_dropped_total [1-9]/);
  } finally {
    await proxy.close(1000);
    await demo.close();
  }
});

test('store, alerts and /metrics: undocumented paths appear as templates, never with their raw values', async () => {
  // An upstream that answers everything, so undocumented requests are shadow operations (alerted).
  const upstream = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const dir = tempDir();
  const alerts: unknown[] = [];
  const proxy = await startProxy({
    upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    spec: writeDemoSpec(dir),
    listen: '127.0.0.1:0',
    admin: '127.0.0.1:0',
    store: path.join(dir, 'paths.db'),
    defaultMode: 'monitor',
    onAlert: (finding) => alerts.push(finding),
  });
  // [request target, the raw values it carries, the operation it must be stored as]
  const cases: [string, string[], string][] = [
    ['/users/carol@example.com', ['carol@example.com', 'carol'], 'GET /users/{userId}'],
    ['/users/dave%40example.com/orders', ['dave', 'example.com'], 'GET /users/{userId}/orders'],
    ['/undoc/QUERYPATHTOKEN-abcdef1234567890abcdef?session=QUERYVALUE', ['QUERYPATHTOKEN', 'abcdef1234567890abcdef', 'QUERYVALUE'], 'GET /undoc/{undocId}'],
    ['/users/John%20Smith', ['John'], 'GET /users/{userId}'],
  ];
  try {
    for (const [target] of cases) assert.equal((await fetch(proxy.url + target)).status, 200);
    await proxy.store!.flush();
    const operations = (proxy.store!.query('SELECT key FROM operations ORDER BY key') as { key: string }[]).map((row) => row.key);
    assert.deepEqual(operations, [...new Set(cases.map(([, , operation]) => operation))].sort());
    const stored = {
      operations: JSON.stringify(proxy.store!.query('SELECT * FROM operations')),
      samples: JSON.stringify(proxy.store!.query('SELECT * FROM samples')),
      'stored alerts': JSON.stringify(proxy.store!.query('SELECT * FROM alerts')),
      alerts: JSON.stringify(alerts),
      metrics: await (await fetch(`${proxy.adminUrl}/metrics`)).text(),
    };
    assert.ok(alerts.length >= 3, 'shadow operations were alerted');
    assert.ok(stored.samples.includes('/undoc/{undocId}?session=…'), 'a sample shows the route and query names');
    for (const [target, values] of cases) {
      for (const [where, text] of Object.entries(stored)) {
        for (const value of values) assert.ok(!text.includes(value), `${where} hold "${value}" of ${target}`);
      }
    }
  } finally {
    await proxy.close(1000);
    upstream.close();
  }
});

test('store: the queue is bounded in rows; a record that would overflow it is dropped and counted, a repeat never', async () => {
  const store = SqliteStore.open(path.join(tempDir(), 'bounded.db'), { queueLimit: 10, flushMs: 60_000 });
  const record = (identity: string) => ({ at: 1, method: 'GET', route: '/a', status: 200, identity, identityKind: 'ip', role: 'anonymous' });
  // One operation row and nine identity rows fit; the other 91 identities would each add a row.
  for (let k = 0; k < 100; k++) store.recordExchange(record(`ip:${k}`));
  for (let k = 0; k < 50; k++) store.recordExchange(record('ip:0'));
  assert.equal(store.counters.dropped, 91);
  assert.equal(store.pending, 59);
  await store.flush();
  assert.deepEqual({ ...store.counters, pending: store.pending }, { dropped: 91, written: 59, pending: 0 });
  assert.deepEqual(store.query('SELECT count FROM operations'), [{ count: 59 }]);
  assert.deepEqual(store.query("SELECT count FROM identities WHERE id = 'ip:0'"), [{ count: 51 }]);
  assert.deepEqual(store.query('SELECT count(*) AS n FROM identities'), [{ n: 9 }]);
  // Committed rows leave the queue: new identities fit again.
  store.recordExchange(record('ip:new'));
  assert.equal(store.counters.dropped, 91);
  await store.close();
});

test('store: retention deletes alerts, samples and identities older than the period', async () => {
  const store = SqliteStore.open(path.join(tempDir(), 'retention.db'), { retentionDays: 1 });
  const old = Date.now() - 3 * 86_400_000;
  store.recordExchange({ at: old, method: 'GET', route: '/a', status: 200, identity: 'ip:1', identityKind: 'ip', role: 'anonymous', sample: () => ({}) });
  store.recordExchange({ at: Date.now(), method: 'GET', route: '/a', status: 200, identity: 'ip:2', identityKind: 'ip', role: 'anonymous' });
  store.recordAlert({ ruleId: 'x', severity: 'info', message: 'old', location: { method: 'GET', path: '/a' }, owasp: [], cwe: [], evidence: { at: new Date(old).toISOString() } });
  await store.flush();
  await store.prune(Date.now() + 120_000);
  assert.deepEqual(store.query('SELECT id FROM identities'), [{ id: 'ip:2' }]);
  assert.deepEqual(store.query('SELECT count(*) AS n FROM alerts'), [{ n: 0 }]);
  assert.deepEqual(store.query('SELECT count(*) AS n FROM samples'), [{ n: 0 }]);
  assert.deepEqual(store.query('SELECT count FROM operations'), [{ count: 2 }], 'the inventory keeps its counts');
  await store.close();
});

test('webhook: alerts reach a receiver on 127.0.0.1 in order, through failures, with backoff; the queue is bounded', async () => {
  const received: string[] = [];
  let calls = 0;
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      calls++;
      // The first two attempts fail: the sink must retry.
      if (calls <= 2) {
        response.writeHead(503).end();
        return;
      }
      received.push((JSON.parse(body) as { finding: { message: string } }).finding.message);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const sink = new WebhookSink({ url, backoffMs: 10, queueLimit: 3 });
  const alert = (message: string) => ({ ruleId: 'proxy-bola', severity: 'error' as const, message, location: { method: 'GET', path: '/a' }, owasp: ['API1:2023'], cwe: [] });
  for (const message of ['one', 'two', 'three', 'four', 'five']) sink.push(alert(message));
  await sink.close(5000);
  receiver.close();
  // 'one' was taken for sending at once; the queue of 3 then dropped 'two'.
  assert.deepEqual(received, ['one', 'three', 'four', 'five']);
  assert.equal(sink.counters.retried, 2);
  assert.equal(sink.counters.dropped, 1);
  assert.equal(sink.counters.sent, 4);
});
