import assert from 'node:assert/strict';
import { test } from 'node:test';
import { differentialVerdict, signatureVerdict, SQL_ERRORS, timingVerdict, withoutEcho } from '../injection.js';

test('injection: error signatures', () => {
  const cases: [string, string | undefined, string | undefined, boolean][] = [
    ['vulnerable: SQL error only after the quote', '[]', '{"error":"SQLITE_ERROR: unrecognized token"}', true],
    ['fixed: quote treated as text', '[]', '[]', false],
    ['false positive: the page always mentions SQLSTATE[', 'docs: SQLSTATE[42000]', 'docs: SQLSTATE[42000]', false],
  ];
  for (const [name, benign, attack, expected] of cases) assert.equal(signatureVerdict(SQL_ERRORS, benign, attack), expected, name);
});

test('injection: boolean and time differentials', () => {
  assert.equal(differentialVerdict(['[1,2,3]', '[1,2,3]'], ['[]', '[]']), true, 'vulnerable: true/false differ stably');
  assert.equal(differentialVerdict(['[]', '[]'], ['[]', '[]']), false, 'fixed: both match nothing');
  assert.equal(differentialVerdict(['[1]', '[2]'], ['[]', '[]']), false, 'false positive: unstable results');
  assert.equal(differentialVerdict(['[1]', undefined], ['[]', '[]']), false, 'not judged: a request failed');
  assert.equal(timingVerdict([20, 25], [1540, 1600], 1500), true, 'vulnerable: always 1.5 s slower');
  assert.equal(timingVerdict([20, 900], [1500, 1600], 1500), false, 'false positive: one slow baseline');
  assert.equal(timingVerdict([20, 25], [30, 1600], 1500), false, 'false positive: jitter on one sample');
});

test('injection: an echoed payload is not a differential', () => {
  const always = "rmp1' OR '1'='1";
  const never = "rmp1' AND '1'='2";
  const echo = (value: string) => JSON.stringify({ host: value, reachable: false });
  const cases: [string, string, string[], string][] = [
    ['echoed as is', echo(always), [always], '{"host":"","reachable":false}'],
    ['echoed JSON-escaped', JSON.stringify({ q: 'a"b' }), ['a"b'], '{"q":""}'],
    ['echoed URL-encoded in a link', '{"next":"/search?q=rmp1\'%20OR%20\'1\'%3D\'1"}', ["rmp1' OR '1'='1"], '{"next":"/search?q="}'],
    ['echoed form-encoded', '{"next":"/search?q=a+b"}', ['a b'], '{"next":"/search?q="}'],
    ['not echoed: untouched', '[{"id":1}]', [always], '[{"id":1}]'],
  ];
  for (const [name, body, values, expected] of cases) assert.equal(withoutEcho(body, values), expected, name);
  assert.equal(differentialVerdict([echo(always), echo(always)].map((body) => withoutEcho(body, [always])), [echo(never), echo(never)].map((body) => withoutEcho(body, [never]))), false, 'false positive guard: an API that echoes the host');
});
