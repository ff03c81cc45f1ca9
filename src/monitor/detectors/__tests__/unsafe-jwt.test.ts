import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exchange, jwt, runDetector, summary, T0, userToken } from '../../__tests__/harness.js';

const iat = Math.floor(T0 / 1000);

test('unsafe-jwt: alg none, no exp, long lifetime, guessable secret', () => {
  const tokens = [
    jwt({ sub: 'a', iat, exp: iat + 60 }, { alg: 'none' }),
    jwt({ sub: 'b', iat }),
    jwt({ sub: 'c', iat, exp: iat + 30 * 86_400 }),
    jwt({ sub: 'd', iat, exp: iat + 60 }, { secret: 'secret' }),
  ];
  const findings = runDetector('unsafe-jwt', tokens.map((token, k) => exchange({ at: k, path: '/users/me', token })));
  assert.deepEqual(findings.map((finding) => finding.evidence!.problems), [['alg none / unsigned'], ['no exp'], ['lifetime 2592000s'], ['guessable HMAC secret']]);
  assert.deepEqual(summary(findings).map((line) => line.split(' ')[3]), ['jwt:a', 'jwt:b', 'jwt:c', 'jwt:d']);
  assert.equal(JSON.stringify(findings).includes(tokens[0]!), false, 'the token never appears');
});

test('unsafe-jwt: one alert per identity per cooldown, however often the token is replayed', () => {
  const token = jwt({ sub: 'b', iat });
  assert.equal(runDetector('unsafe-jwt', Array.from({ length: 50 }, (_, k) => exchange({ at: k * 100, path: '/users/me', token }))).length, 1);
});

test('unsafe-jwt: benign short-lived strong tokens do not alert', () => {
  assert.deepEqual(runDetector('unsafe-jwt', [exchange({ path: '/users/me', token: userToken('usr_1') }), exchange({ path: '/accounts', apiKey: 'k' })]), []);
});
