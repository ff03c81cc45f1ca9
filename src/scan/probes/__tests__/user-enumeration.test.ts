import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enumerationVerdict, normalise } from '../user-enumeration.js';

test('user enumeration verdict', () => {
  const a = (status: number, body: string) => normalise({ status, body }, ['bob', 'stranger-1']);
  const cases: [string, string[], string[], boolean][] = [
    ['vulnerable: different messages', [a(401, '{"error":"wrong password"}'), a(401, '{"error":"wrong password"}')], [a(401, '{"error":"no such user"}'), a(401, '{"error":"no such user"}')], true],
    ['vulnerable: different status', [a(401, 'x'), a(401, 'x')], [a(404, 'x'), a(404, 'x')], true],
    ['fixed: same answer', [a(401, 'invalid'), a(401, 'invalid')], [a(401, 'invalid'), a(401, 'invalid')], false],
    ['false positive: the answer echoes the submitted name', [a(401, 'bad login for bob'), a(401, 'bad login for bob')], [a(401, 'bad login for stranger-1'), a(401, 'bad login for stranger-1')], false],
    ['false positive: unstable (rate limit kicked in)', [a(401, 'x'), a(429, 'slow')], [a(401, 'y'), a(401, 'y')], false],
    ['false positive: request ids differ', [a(401, 'id 12345'), a(401, 'id 12399')], [a(401, 'id 55555'), a(401, 'id 77777')], false],
  ];
  for (const [name, known, unknown, expected] of cases) assert.equal(enumerationVerdict(known, unknown), expected, name);
});
