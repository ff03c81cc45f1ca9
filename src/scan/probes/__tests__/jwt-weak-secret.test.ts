import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { hasOpenssl } from '../../../../examples/demo-api/self-signed.js';
import { decodeJwt } from '../../../traffic/jwt.js';
import { signHmacJwt } from '../authentication.js';
import { crackToken, forgedTokenRecipe } from '../jwt-weak-secret.js';

test('weak HMAC secrets are cracked offline; strong ones and other algorithms are not', () => {
  const header = { alg: 'HS256', typ: 'JWT' };
  const cases: [string, string, string | undefined][] = [
    ['vulnerable: "secret"', signHmacJwt(header, { sub: 'a' }, 'secret'), 'secret'],
    ['vulnerable: HS512 "changeme"', signHmacJwt({ alg: 'HS512' }, { sub: 'a' }, 'changeme'), 'changeme'],
    ['fixed: 32 random bytes', signHmacJwt(header, { sub: 'a' }, randomBytes(32).toString('hex')), undefined],
    ['false positive guard: not a JWT', 'abc.def', undefined],
  ];
  for (const [name, token, expected] of cases) assert.equal(crackToken(token), expected, name);
});

test('the forged-token recipe in the proof makes a fresh token the secret signs (sh and openssl, run here)', { skip: hasOpenssl() ? false : 'no openssl command' }, () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
    ['HS256, iat before exp', { alg: 'HS256', typ: 'JWT' }, { sub: 'usr_1', role: 'user', iat: 1, exp: 2 }, 'admin'],
    ['HS512, exp before iat, a secret with a space', { alg: 'HS512' }, { exp: 2, sub: 'a', iat: 1 }, 'keyboard cat'],
    ['HS384, claims printf and the shell would read', { alg: 'HS384', typ: 'JWT' }, { sub: "o'brien", note: '100% \\n $HOME `id`', name: 'Zoë' }, 'changeme'],
  ];
  for (const [name, header, claims, secret] of cases) {
    const script = [...forgedTokenRecipe(header, claims), 'printf %s "$RAMPART_FORGED_TOKEN"'].join('\n');
    const token = execFileSync('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '', RAMPART_JWT_SECRET: secret }, encoding: 'utf8' });
    assert.equal(crackToken(token), secret, `${name}: signed with the secret`);
    const jwt = decodeJwt(token)!;
    assert.deepEqual(jwt.header, header, name);
    const { iat, exp, ...rest } = jwt.payload as { iat: number; exp: number };
    const { iat: _iat, exp: _exp, ...expected } = claims;
    assert.deepEqual(rest, { ...expected, rampart: 'forged' }, name);
    assert.ok(Math.abs(iat - Date.now() / 1000) < 60 && exp - iat === 300, `${name}: fresh iat ${iat}, exp ${exp}`);
  }
});
