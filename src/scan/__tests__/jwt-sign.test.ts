import assert from 'node:assert/strict';
import { constants, createHmac, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { test } from 'node:test';
import { decodeJwt } from '../../traffic/jwt.js';
import { signJwt, type JwtKey } from '../jwt-sign.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = { ES256: generateKeyPairSync('ec', { namedCurve: 'prime256v1' }), ES384: generateKeyPairSync('ec', { namedCurve: 'secp384r1' }), ES512: generateKeyPairSync('ec', { namedCurve: 'secp521r1' }) };
const ed = generateKeyPairSync('ed25519');
const claims = { sub: 'u-1', exp: 2_000_000_000 };

/** Checks a signature the way an API would, with node's own verify. */
function verifies(token: string, alg: string, key: { secret: string } | { publicKey: KeyObject }): boolean {
  const [head, body, signature] = token.split('.') as [string, string, string];
  const input = Buffer.from(`${head}.${body}`);
  const bits = alg.slice(2);
  const hash = `sha${bits}`;
  if ('secret' in key) return createHmac(hash, key.secret).update(input).digest('base64url') === signature;
  const raw = Buffer.from(signature, 'base64url');
  if (alg === 'EdDSA') return verify(null, input, key.publicKey, raw);
  if (alg.startsWith('PS')) return verify(hash, input, { key: key.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(bits) / 8 }, raw);
  if (alg.startsWith('ES')) return verify(hash, input, { key: key.publicKey, dsaEncoding: 'ieee-p1363' }, raw);
  return verify(hash, input, key.publicKey, raw);
}

test('signJwt: every supported algorithm makes a token the matching public key (or secret) verifies', () => {
  const cases: [string, JwtKey, { secret: string } | { publicKey: KeyObject }][] = [
    ['HS256', { secret: 'k1' }, { secret: 'k1' }],
    ['HS384', { secret: 'k2' }, { secret: 'k2' }],
    ['HS512', { secret: 'k3' }, { secret: 'k3' }],
    ['RS256', { privateKey: rsa.privateKey }, { publicKey: rsa.publicKey }],
    ['RS384', { privateKey: rsa.privateKey }, { publicKey: rsa.publicKey }],
    ['RS512', { privateKey: rsa.privateKey }, { publicKey: rsa.publicKey }],
    ['PS256', { privateKey: rsa.privateKey }, { publicKey: rsa.publicKey }],
    ['PS512', { privateKey: rsa.privateKey }, { publicKey: rsa.publicKey }],
    ['ES256', { privateKey: ec.ES256.privateKey }, { publicKey: ec.ES256.publicKey }],
    ['ES384', { privateKey: ec.ES384.privateKey }, { publicKey: ec.ES384.publicKey }],
    ['ES512', { privateKey: ec.ES512.privateKey }, { publicKey: ec.ES512.publicKey }],
    ['EdDSA', { privateKey: ed.privateKey }, { publicKey: ed.publicKey }],
  ];
  for (const [alg, key, check] of cases) {
    const signed = signJwt({ alg, typ: 'JWT', kid: 'k' }, claims, key);
    assert.ok(signed.ok, `${alg}: ${signed.ok ? '' : signed.error}`);
    const decoded = decodeJwt(signed.token)!;
    assert.deepEqual([decoded.header, decoded.payload], [{ alg, typ: 'JWT', kid: 'k' }, claims], alg);
    assert.ok(verifies(signed.token, alg, check), `${alg} verifies`);
    const [head, , signature] = signed.token.split('.');
    const otherClaims = Buffer.from(JSON.stringify({ ...claims, sub: 'u-2' })).toString('base64url');
    assert.ok(!verifies(`${head}.${otherClaims}.${signature}`, alg, check), `${alg}: the signature covers the claims`);
  }
  // HMAC with another secret fails: the signature depends on the key.
  const hs = signJwt({ alg: 'HS256' }, claims, { secret: 'k1' });
  assert.ok(hs.ok && !verifies(hs.token, 'HS256', { secret: 'k2' }));
});

test('signJwt: a key of the wrong kind for the algorithm is refused with the reason', () => {
  const cases: [Record<string, unknown>, JwtKey, string][] = [
    [{ alg: 'HS256' }, { privateKey: rsa.privateKey }, 'HS256 needs an HMAC secret (jwt.secret), not a private key'],
    [{ alg: 'RS256' }, { secret: 's' }, 'RS256 needs a private key (jwt.privateKeyFile), not an HMAC secret'],
    [{ alg: 'RS256' }, { privateKey: ec.ES256.privateKey }, 'RS256 needs an RSA private key, got ec'],
    [{ alg: 'ES256' }, { privateKey: ec.ES384.privateKey }, 'ES256 needs an EC private key on prime256v1, got ec on secp384r1'],
    [{ alg: 'ES384' }, { privateKey: rsa.privateKey }, 'ES384 needs an EC private key on secp384r1, got rsa'],
    [{ alg: 'EdDSA' }, { privateKey: rsa.privateKey }, 'EdDSA needs an Ed25519 or Ed448 private key, got rsa'],
    [{ alg: 'none' }, { privateKey: rsa.privateKey }, 'cannot sign with alg "none"'],
    [{ alg: 'HS999' }, { privateKey: rsa.privateKey }, 'cannot sign with alg "HS999"'],
    [{}, { secret: 's' }, 'the token has no alg header'],
  ];
  for (const [header, key, error] of cases) assert.deepEqual(signJwt(header, claims, key), { ok: false, error }, JSON.stringify(header));
});
