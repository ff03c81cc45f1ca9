import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { IdentityResolver } from '../identity.js';
import { jwt, T0, userToken } from './harness.js';

test('identity: JWT sub, hashed API key, hashed session cookie, Basic user, then the client IP', () => {
  const resolver = new IdentityResolver();
  const table: [Record<string, string>, string][] = [
    [{ authorization: `Bearer ${userToken('usr_1')}` }, 'jwt:usr_1'],
    [{ 'x-api-key': 'k-123' }, 'api-key:'],
    [{ cookie: 'theme=dark; sessionid=abc' }, 'session:'],
    [{ authorization: `Basic ${Buffer.from('carol:pw').toString('base64')}` }, 'basic:carol'],
    [{ authorization: 'Bearer opaque-token' }, 'bearer:'],
    [{}, 'ip:192.0.2.4'],
  ];
  for (const [headers, prefix] of table) {
    const identity = resolver.resolve(headers, '192.0.2.4', T0);
    assert.ok(identity.id.startsWith(prefix), `${JSON.stringify(headers)} → ${identity.id}`);
    for (const value of Object.values(headers)) if (!value.startsWith('Bearer ey')) assert.equal(identity.id.includes(value), false, 'credentials are hashed');
  }
  assert.equal(resolver.resolve({ authorization: `Bearer ${userToken('usr_3', 'admin')}` }, '192.0.2.4', T0).role, 'admin');
});

test('identity: X-Forwarded-For is believed only from configured proxies, hop by hop', () => {
  const resolver = new IdentityResolver({ trustedProxies: ['10.0.0.0/8', '192.0.2.1'] });
  assert.equal(resolver.clientIp('203.0.113.9', '1.2.3.4'), '203.0.113.9', 'untrusted peer: header ignored');
  assert.equal(resolver.clientIp('10.1.2.3', '198.51.100.7'), '198.51.100.7');
  assert.equal(resolver.clientIp('10.1.2.3', '6.6.6.6, 198.51.100.7, 192.0.2.1'), '198.51.100.7', 'the nearest untrusted hop, not the spoofable first one');
  assert.equal(resolver.clientIp('::ffff:10.0.0.1', 'garbage'), '10.0.0.1');
  assert.throws(() => new IdentityResolver({ trustedProxies: ['not-an-ip'] }), /trusted proxy "not-an-ip"/);
});

test('identity: with a key, only verified tokens name their subject (HMAC secret, PEM, JWKS)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-jwt-'));
  const secretFile = path.join(dir, 'secret');
  writeFileSync(secretFile, 'a-long-random-test-secret-0f9e8d7c6b5a4938');
  const hmac = new IdentityResolver({ jwtKeyFile: secretFile });
  const good = hmac.resolve({ authorization: `Bearer ${userToken('usr_1')}` }, '192.0.2.4', T0);
  assert.deepEqual([good.id, good.verified, good.invalidSignature], ['jwt:usr_1', true, undefined]);
  const forged = hmac.resolve({ authorization: `Bearer ${jwt({ sub: 'usr_1', exp: 1e10 }, { secret: 'other' })}` }, '192.0.2.4', T0);
  assert.equal(forged.verified, false);
  assert.equal(forged.invalidSignature, true);
  assert.ok(forged.id.startsWith('jwt-token:'), 'a forged token does not borrow the subject it claims');

  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const header = Buffer.from(JSON.stringify({ alg: 'ES256', kid: 'k1' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ sub: 'svc', exp: 1e10 })).toString('base64url');
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  const token = `${header}.${payload}.${signature}`;
  const pemFile = path.join(dir, 'key.pem');
  writeFileSync(pemFile, publicKey.export({ type: 'spki', format: 'pem' }));
  assert.equal(new IdentityResolver({ jwtKeyFile: pemFile }).resolve({ authorization: `Bearer ${token}` }, '', T0).verified, true);
  const jwksFile = path.join(dir, 'jwks.json');
  writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] }));
  assert.equal(new IdentityResolver({ jwtKeyFile: jwksFile }).resolve({ authorization: `Bearer ${token}` }, '', T0).id, 'jwt:svc');
});
