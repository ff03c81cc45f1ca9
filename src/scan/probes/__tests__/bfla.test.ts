import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bflaVerdict } from '../bfla.js';

test('BFLA verdict', () => {
  const s = (status: number) => ({ status });
  const cases: [string, Parameters<typeof bflaVerdict>, boolean][] = [
    ['vulnerable: user 200, admin 200, anonymous 401', [s(200), s(200), s(401)], true],
    ['vulnerable without an admin identity', [s(200), undefined, s(401)], true],
    ['fixed: user 403', [s(403), s(200), s(401)], false],
    ['false positive: public operation', [s(200), s(200), s(200)], false],
    ['false positive: even the admin is refused (not an admin operation as configured)', [s(200), s(403), s(401)], false],
  ];
  for (const [name, args, expected] of cases) assert.equal(bflaVerdict(...args), expected, name);
});
