import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { signHmacJwt } from '../authentication.js';
import { crackToken } from '../jwt-weak-secret.js';

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
