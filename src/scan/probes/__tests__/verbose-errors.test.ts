import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leakedInternals } from '../verbose-errors.js';

test('verbose error signatures', () => {
  const cases: [string, string, string[]][] = [
    ['vulnerable: Node stack inside JSON', JSON.stringify({ error: 'x', stack: 'SyntaxError: x\n    at parse (/srv/app/server.js:10:5)' }), ['Node.js stack trace']],
    ['vulnerable: SQL error', '{"error":"SQLITE_ERROR: near \\"\'\\": syntax error"}', ['SQL error']],
    ['vulnerable: Python traceback', 'Traceback (most recent call last):\n  File "app.py"', ['Python traceback']],
    ['fixed: generic message', '{"error":"internal error","requestId":"abc"}', []],
    ['false positive: the word "at" in prose', '{"error":"look at the docs at https://example.com/errors"}', []],
    ['vulnerable: PostgreSQL error passed through', '{"error":"unterminated quoted string at or near \\"\'x\\""}', ['SQL error']],
    ['false positive: a search syntax error, with a request id', '{"error":"invalid_query","message":"unterminated quoted string at position 5","requestId":"req_1"}', []],
  ];
  for (const [name, body, expected] of cases) assert.deepEqual(leakedInternals(body), expected, name);
});
