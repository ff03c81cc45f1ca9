/**
 * Login timing against timed fake servers on 127.0.0.1: the same 401 and message for every wrong
 * login, but a planted slow path for existing users in one; only jitter in the others.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { scan } from '../../scan.js';

const DESCRIPTION = {
  openapi: '3.0.3',
  info: { title: 'login', version: '1' },
  paths: {
    '/login': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { username: { type: 'string' }, password: { type: 'string' } } } } } }, responses: { '200': { description: 'token' }, '401': { description: 'no' } } } },
  },
};

interface Behaviour {
  /** Extra delay of one wrong login, in ms. */
  delay: (exists: boolean) => number;
  /** Headers on every login answer. */
  headers?: Record<string, string>;
}

async function startLoginServer(behaviour: Behaviour): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json', ...behaviour.headers });
        response.end(JSON.stringify(body));
      };
      if (request.url === '/openapi.json') return send(200, DESCRIPTION);
      if (request.url !== '/login') return send(404, { message: 'not found' });
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { username?: string; password?: string };
      const exists = body.username === 'alice';
      if (exists && body.password === 'alice-pw') return send(200, { token: 'opaque-alice-token' });
      setTimeout(() => send(401, { message: 'invalid user name or password' }), behaviour.delay(exists));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function enumerate(behaviour: Behaviour) {
  const server = await startLoginServer(behaviour);
  try {
    const result = await scan({
      spec: `${server.url}/openapi.json`,
      target: server.url,
      config: { identities: [{ name: 'alice', role: 'user', headers: {}, cookies: {}, login: { method: 'POST', path: '/login', json: { username: 'alice', password: 'alice-pw' } }, apply: { header: 'Authorization', value: 'Bearer {token}' } }], adminOperations: [] },
      probes: ['user-enumeration'],
      rps: 500,
      seed: 1,
    });
    return { findings: result.findings, skips: result.summary.skipped.filter((skip) => skip.probe === 'user-enumeration').map((skip) => skip.reason), requests: result.summary.requests };
  } finally {
    await server.close();
  }
}

test('user enumeration by timing: a slow path for existing users is found', async () => {
  // Scanner and server share this process; on a loaded machine (the full suite, CI) their stalls can
  // widen the jitter past the gap, and the probe then rightly says nothing. Up to 3 scans; one must find it.
  let result: Awaited<ReturnType<typeof enumerate>> | undefined;
  const attempts: string[] = [];
  for (let attempt = 0; attempt < 3 && !result?.findings.length; attempt++) {
    result = await enumerate({ delay: (exists) => (exists ? 150 : 0) + Math.random() * 5 });
    attempts.push(result.findings.length ? 'found' : `not found (${result.skips.join(' | ') || 'no skip'})`);
  }
  const { findings } = result!;
  assert.deepEqual(findings.map((finding) => `${finding.ruleId} ${'method' in finding.location ? finding.location.path : ''}`), ['scan-user-enumeration /login'], attempts.join('; '));
  assert.match(findings[0]!.message, /^POST \/login \(login\) answers an existing user \(alice\) about \d+ ms slower than an unknown one, with the same status and message/);
  const timing = (findings[0]!.evidence as { timing: { samplesPerSide: number; batches: unknown[] } }).timing;
  assert.deepEqual([timing.samplesPerSide, timing.batches.length], [10, 2]);
});

test('user enumeration by timing: jitter alone, or a per-account limit, gives no finding', async () => {
  const jitter = await enumerate({ delay: () => Math.random() * 30 });
  assert.deepEqual(jitter.findings, []);
  assert.deepEqual(jitter.skips, []);
  // First batch only: the sides did not differ, so no confirmation batch was sent (login + 2×2 + 2×10).
  assert.equal(jitter.requests, 1 + 1 + 4 + 20);

  const limited = await enumerate({ delay: (exists) => (exists ? 60 : 0), headers: { 'RateLimit-Remaining': '3' } });
  assert.deepEqual(limited.findings, []);
  assert.deepEqual(limited.skips, ['login timing not measured: the API limits failed logins per account (3 left) and measuring needs up to 20']);
});
