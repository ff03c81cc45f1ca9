import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeJwt } from '../../../traffic/jwt.js';
import { algNoneToken, bypassVerdict, signHmacJwt, tamperedToken } from '../authentication.js';

const ok = (json: unknown) => ({ status: 200, json });
test('authentication bypass verdict', () => {
  const cases: [string, Parameters<typeof bypassVerdict>, boolean][] = [
    ['vulnerable: same data without credentials', [ok({ id: 1, name: 'a' }), ok({ id: 1, name: 'a' })], true],
    ['fixed: 401', [ok({ id: 1 }), { status: 401, json: { error: 'x' } }], false],
    ['false positive: 200 login page of another shape', [ok({ id: 1, name: 'a', email: 'e' }), ok({ message: 'please log in' })], false],
    ['not judged: legitimate request failed', [{ status: 404, json: {} }, ok({})], false],
    ['vulnerable: both lists', [ok([1]), ok([])], true],
  ];
  for (const [name, args, expected] of cases) assert.equal(bypassVerdict(...args), expected, name);
});

test('forged tokens keep the claims and change what they should', () => {
  const token = signHmacJwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'u1', exp: 2e9 }, 'secret');
  const none = decodeJwt(algNoneToken(token)!)!;
  assert.deepEqual([none.header.alg, none.payload.sub, none.signature], ['none', 'u1', '']);
  const tampered = tamperedToken(token)!;
  assert.notEqual(tampered, token);
  assert.equal(tampered.split('.')[2]!.length, token.split('.')[2]!.length);
  assert.equal(tamperedToken('not-a-jwt'), undefined);
});
