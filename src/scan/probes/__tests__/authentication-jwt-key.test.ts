/**
 * The expired-token and unknown-subject checks with a signing key the user gives (no cracking):
 * a small JWT server on 127.0.0.1 signs with RS256 or a strong HS256 secret, and either checks
 * `exp` and that the subject exists, or trusts any token its key verifies.
 */
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, randomBytes, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readScanConfig, type IdentityConfig, type JwtSigningConfig } from '../../config.js';
import { scan } from '../../scan.js';
import { signJwt } from '../../jwt-sign.js';
import { staticJwt, subjectClaim, unknownSubject } from '../authentication.js';

const USERS: Record<string, { id: string; password: string }> = { ann: { id: 'u-1', password: 'ann-pw-1' }, ben: { id: 'u-2', password: 'ben-pw-2' } };
const DESCRIPTION = {
  openapi: '3.0.3',
  info: { title: 'jwt', version: '1' },
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  paths: {
    '/login': { post: { security: [], requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '200': { description: 'token' }, '401': { description: 'no' } } } },
    '/me': { get: { security: [{ bearer: [] }], responses: { '200': { description: 'me', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } } } }, '401': { description: 'no' } } } },
  },
};

type Signer = { alg: 'RS256'; privateKey: KeyObject; publicKey: KeyObject } | { alg: 'HS256'; secret: string };

async function startJwtServer(signer: Signer, strict: boolean): Promise<{ url: string; close: () => Promise<void> }> {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signInput = (input: string) => (signer.alg === 'RS256' ? sign('sha256', Buffer.from(input), signer.privateKey) : createHmac('sha256', signer.secret).update(input).digest());
  const issue = (sub: string) => {
    const now = Math.floor(Date.now() / 1000);
    const input = `${b64({ alg: signer.alg, typ: 'JWT' })}.${b64({ sub, iat: now, exp: now + 600 })}`;
    return `${input}.${signInput(input).toString('base64url')}`;
  };
  const claimsOf = (token: string): Record<string, unknown> | undefined => {
    const [head, body, signature] = token.split('.');
    if (!head || !body || signature === undefined) return undefined;
    try {
      if ((JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string }).alg !== signer.alg) return undefined;
      const raw = Buffer.from(signature, 'base64url');
      const valid = signer.alg === 'RS256' ? verify('sha256', Buffer.from(`${head}.${body}`), signer.publicKey, raw) : raw.length === 32 && timingSafeEqual(raw, createHmac('sha256', signer.secret).update(`${head}.${body}`).digest());
      return valid ? (JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.url === '/openapi.json') return send(200, DESCRIPTION);
      if (request.url === '/login' && request.method === 'POST') {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { username?: string; password?: string };
        const user = USERS[body.username ?? ''];
        return user && user.password === body.password ? send(200, { token: issue(user.id) }) : send(401, { message: 'invalid credentials' });
      }
      if (request.url === '/me' && request.method === 'GET') {
        const claims = claimsOf((request.headers.authorization ?? '').replace(/^Bearer /, ''));
        if (!claims) return send(401, { message: 'invalid token' });
        if (strict && (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now())) return send(401, { message: 'expired' });
        const known = Object.entries(USERS).find(([, user]) => user.id === claims.sub);
        if (strict && !known) return send(401, { message: 'no such user' });
        // The lax server trusts whatever its key signed: the profile comes from the claims.
        return send(200, { id: String(claims.sub), name: known?.[0] ?? 'someone' });
      }
      send(404, { message: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const identity = (name: string, jwt?: JwtSigningConfig): IdentityConfig => ({
  name,
  role: 'user',
  headers: {},
  cookies: {},
  login: { method: 'POST', path: '/login', json: { username: name, password: USERS[name]!.password }, token: '$.token' },
  apply: { header: 'Authorization', value: 'Bearer {token}' },
  jwt,
});

async function scanWith(signer: Signer, strict: boolean, jwt: JwtSigningConfig | undefined | IdentityConfig[]) {
  const server = await startJwtServer(signer, strict);
  const identities = Array.isArray(jwt) ? jwt : [identity('ann', jwt), identity('ben', jwt)];
  try {
    const result = await scan({ spec: `${server.url}/openapi.json`, target: server.url, config: { identities, adminOperations: [] }, probes: ['authentication'], rps: 1000, seed: 1 });
    return {
      findings: result.findings.map((finding) => `${finding.ruleId} ${'method' in finding.location ? `${finding.location.method} ${finding.location.path}` : ''}`),
      skips: result.summary.skipped.filter((skip) => skip.probe === 'authentication').map((skip) => skip.reason),
      text: JSON.stringify(result),
    };
  } finally {
    await server.close();
  }
}

test('authentication: expired and unknown-subject tokens minted with a configured key', async () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rs: Signer = { alg: 'RS256', ...rsa };
  const BOTH = ['scan-jwt-expired-accepted GET /me', 'scan-jwt-unknown-subject-accepted GET /me'];
  const NOT_ACCEPTED = /^the configured jwt key signs tokens the API does not accept \(a fresh token got 401\)/;
  const NO_KEY = /^expired-token and unknown-subject checks need tokens signed by the scanner: give the API's signing key/;
  // A JWT given as a static header, not obtained by a login.
  const now = Math.floor(Date.now() / 1000);
  const fixedToken = (sub: string) => {
    const signed = signJwt({ alg: 'RS256', typ: 'JWT' }, { sub, iat: now, exp: now + 600 }, { privateKey: rsa.privateKey });
    assert.ok(signed.ok);
    return signed.token;
  };
  const withStaticJwt = (['ann', 'ben'] as const).map((name, index): IdentityConfig => ({ ...identity(name, { key: { privateKey: rsa.privateKey } }), login: undefined, headers: { Authorization: `Bearer ${fixedToken(`u-${index + 1}`)}` } }));
  const cases: [string, Signer, boolean, JwtSigningConfig | IdentityConfig[] | undefined, string[], RegExp | undefined][] = [
    ['vulnerable: RS256 API trusts expired tokens and unknown subjects', rs, false, { key: { privateKey: rsa.privateKey } }, BOTH, undefined],
    ['fixed: RS256 API checks exp and the subject', rs, true, { key: { privateKey: rsa.privateKey } }, [], undefined],
    ['vulnerable: the JWT is a static Authorization header', rs, false, withStaticJwt, BOTH, undefined],
    ['fixed: the JWT is a static Authorization header', rs, true, withStaticJwt, [], undefined],
    ['not judged: the configured key is not the API\'s', rs, false, { key: { privateKey: other.privateKey } }, [], NOT_ACCEPTED],
    ['not judged: no key and nothing to crack (RS256)', rs, false, undefined, [], NO_KEY],
    ['not judged: an HMAC secret for an RS256 API', rs, false, { key: { secret: 'x'.repeat(40) } }, [], /^a control token not minted with the configured jwt key: RS256 needs a private key/],
  ];
  for (const [name, signer, strict, jwt, expected, skip] of cases) {
    const result = await scanWith(signer, strict, jwt);
    assert.deepEqual(result.findings, expected, name);
    if (skip) assert.ok(result.skips.some((reason) => skip.test(reason)), `${name}: ${result.skips.join(' | ')}`);
    else assert.deepEqual(result.skips, [], name);
    assert.ok(!/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]{20,}/.test(result.text), `${name}: a signed token leaked`);
  }
});

test('authentication: a strong HS256 secret from the environment, through the configuration file', async () => {
  const secret = randomBytes(32).toString('hex');
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-jwt-key-'));
  const login = (name: string) => [`    - name: ${name}`, '      login:', '        path: /login', `        json: { username: ${name}, password: ${USERS[name]!.password} }`];
  writeFileSync(path.join(dir, 'rampart.yaml'), ['scan:', "  jwt: { secret: '${API_JWT_SECRET}' }", '  identities:', ...login('ann'), ...login('ben'), ''].join('\n'));
  const { identities } = readScanConfig('rampart.yaml', dir, { API_JWT_SECRET: secret });
  assert.deepEqual(identities.map((each) => each.jwt), [{ key: { secret }, algorithm: undefined, subjectClaim: undefined }, { key: { secret }, algorithm: undefined, subjectClaim: undefined }]);
  const lax = await scanWith({ alg: 'HS256', secret }, false, identities);
  assert.deepEqual(lax.findings, ['scan-jwt-expired-accepted GET /me', 'scan-jwt-unknown-subject-accepted GET /me']);
  assert.ok(!lax.text.includes(secret), 'the secret leaked');
  const strict = await scanWith({ alg: 'HS256', secret }, true, identities);
  assert.deepEqual([strict.findings, strict.skips], [[], []]);
});

test('authentication: the subject claim and a subject nobody has', () => {
  const cases: [Record<string, unknown>, string | undefined, string | undefined][] = [
    [{ sub: 'u-1', uid: 7 }, undefined, 'sub'],
    [{ userId: 7, email: 'a@b.c' }, undefined, 'userId'],
    [{ email: 'a@b.c' }, undefined, 'email'],
    [{ iat: 1, scope: 'x' }, undefined, undefined],
    [{ sub: 'u-1', tenantUser: 'x' }, 'tenantUser', 'tenantUser'],
    [{ sub: 'u-1' }, 'tenantUser', undefined],
  ];
  for (const [payload, configured, expected] of cases) assert.equal(subjectClaim(payload, configured), expected, JSON.stringify(payload));
  assert.match(String(unknownSubject('u-1')), /^rampart-nobody-[0-9a-f]{8}$/);
  assert.match(String(unknownSubject('ann@example.com')), /^rampart-nobody-[0-9a-f]{8}@example\.invalid$/);
  assert.ok(typeof unknownSubject(7) === 'number' && (unknownSubject(7) as number) >= 2_000_000_000);
});

test('authentication: a JWT found in static headers', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEifQ.c2ln';
  const cases: [Record<string, string>, ReturnType<typeof staticJwt>][] = [
    [{ Authorization: `Bearer ${jwt}` }, { token: jwt, scheme: { header: 'Authorization', value: 'Bearer {token}' } }],
    [{ 'X-Api-Key': 'k', 'X-Token': jwt }, { token: jwt, scheme: { header: 'X-Token', value: '{token}' } }],
    [{ Authorization: 'Bearer opaque-token' }, undefined],
    [{ Authorization: 'Bearer eyJub3QuanNvbg.eyJ4.sig' }, undefined],
    [{}, undefined],
  ];
  for (const [headers, expected] of cases) assert.deepEqual(staticJwt(headers), expected, JSON.stringify(headers));
});
