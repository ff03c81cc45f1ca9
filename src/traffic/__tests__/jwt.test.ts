import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { analyzeJwt, decodeJwt } from '../jwt.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function token(header: Record<string, unknown>, payload: Record<string, unknown>, secret?: string): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${secret === undefined ? '' : createHmac('sha256', secret).update(input).digest('base64url')}`;
}
const now = 1_800_000_000;

describe('analyzeJwt', () => {
  const cases: [string, string, string[]][] = [
    ['strong secret, short life', token({ alg: 'HS256' }, { sub: '1', iat: now, exp: now + 900 }, 'k9$Vq2!zR7#pL4@wX8'), []],
    ['alg none', token({ alg: 'none' }, { sub: '1', iat: now, exp: now + 900 }), ['jwt-alg-none']],
    ['guessable secret', token({ alg: 'HS256' }, { sub: '1', iat: now, exp: now + 900 }, 'secret'), ['jwt-weak-secret']],
    ['tutorial secret', token({ alg: 'HS256' }, { sub: '1', iat: now, exp: now + 900 }, 'your-256-bit-secret'), ['jwt-weak-secret']],
    ['no exp', token({ alg: 'HS256' }, { sub: '1' }, 'k9$Vq2!zR7#pL4@wX8'), ['jwt-no-exp']],
    ['30 days', token({ alg: 'HS256' }, { sub: '1', iat: now, exp: now + 30 * 86400 }, 'k9$Vq2!zR7#pL4@wX8'), ['jwt-long-lifetime']],
    ['password claim', token({ alg: 'HS256' }, { sub: '1', exp: now + 60, iat: now, password: 'x' }, 'k9$Vq2!zR7#pL4@wX8'), ['jwt-sensitive-claims']],
    ['card in a claim', token({ alg: 'HS256' }, { sub: '1', exp: now + 60, iat: now, c: '4111111111111111' }, 'k9$Vq2!zR7#pL4@wX8'), ['jwt-sensitive-claims']],
    ['email claim is normal (OIDC)', token({ alg: 'HS256' }, { sub: '1', exp: now + 60, iat: now, email: 'a@b.co' }, 'k9$Vq2!zR7#pL4@wX8'), []],
  ];
  for (const [name, jwt, expected] of cases) {
    it(name, () => {
      const decoded = decodeJwt(`Bearer ${jwt}`);
      assert.ok(decoded);
      assert.deepEqual(analyzeJwt(decoded, now * 1000).weaknesses, expected);
    });
  }
  it('not a JWT', () => {
    assert.equal(decodeJwt('abc.def'), undefined);
    assert.equal(decodeJwt('a.b.c'), undefined);
  });
});
