import assert from 'node:assert/strict';
import { test } from 'node:test';
import { booleanPayloads, differentialVerdict, signatureVerdict, SQL_ERRORS, timingVerdict, withoutEcho } from '../injection.js';

test('injection: error signatures', () => {
  const cases: [string, string | undefined, string | undefined, boolean][] = [
    ['vulnerable: SQL error only after the quote', '[]', '{"error":"SQLITE_ERROR: unrecognized token"}', true],
    ['fixed: quote treated as text', '[]', '[]', false],
    ['false positive: the page always mentions SQLSTATE[', 'docs: SQLSTATE[42000]', 'docs: SQLSTATE[42000]', false],
    ['vulnerable: PostgreSQL', '[]', 'ERROR:  unterminated quoted string at or near "\'rmp1"', true],
    ['vulnerable: SQL Server', '[]', "Unclosed quotation mark after the character string 'rmp1'.", true],
    ['vulnerable: Oracle', '[]', 'ORA-01756: quoted string not properly terminated', true],
    ['vulnerable: SQLite without its error code', '[]', 'unrecognized token: "\'rmp1"', true],
    ['vulnerable: PostgreSQL inside a JSON error body (the quote escaped)', '[]', JSON.stringify({ error: 'syntax error at or near "OR"' }), true],
    ['vulnerable: SQLite inside a JSON error body', '[]', JSON.stringify({ error: 'unrecognized token: "\'rmp1"' }), true],
    ['false positive: a search syntax error for a stray quote', '{"query":"rmp1","results":[]}', '{"error":"invalid_query","message":"unterminated quoted string at position 5","requestId":"req_1"}', false],
    ['false positive: a parser naming an unrecognized token', '[]', '{"error":"unrecognized token at position 5"}', false],
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

/** A toy server for the boolean differential: how each one answers a search for `text`. */
const TITLES = ['Pride and Prejudice', 'Either/Or', 'War and Peace'];
const servers: [string, (text: string) => string, boolean][] = [
  // WHERE title = '<text>': the condition after the quote decides, as a database would.
  ['vulnerable: pasted into WHERE title = \'…\'', (text) => {
    const condition = /' OR '(\d)'='(\d)$/.exec(text);
    return JSON.stringify(condition && condition[1] === condition[2] ? TITLES : []);
  }, true],
  ['vulnerable: pasted, and echoed as is', (text) => {
    const condition = /' OR '(\d)'='(\d)$/.exec(text);
    return JSON.stringify({ query: text, results: condition && condition[1] === condition[2] ? TITLES : [] });
  }, true],
  ['fixed: literal match', (text) => JSON.stringify(TITLES.filter((title) => title === text)), false],
  // Matches any word of the query: "or" finds Either/Or, "and" the other two; the digits find nothing.
  ['false positive: word search with OR semantics, echoing the query', (text) => {
    const words = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    return JSON.stringify({ query: text, results: TITLES.filter((title) => title.toLowerCase().split(/[^a-z0-9]+/).some((word) => words.includes(word))) });
  }, false],
  ['false positive: echoes the query in lower case', (text) => JSON.stringify({ normalized: text.toLowerCase(), results: [] }), false],
];

test('injection: boolean differential payloads against toy servers', () => {
  const marker = 'rmp1';
  const { truthy, falsy } = booleanPayloads(marker);
  for (const [name, answer, expected] of servers) {
    const bodies = (payloads: string[]) => payloads.map((payload) => withoutEcho(answer(payload), [payload, marker]));
    assert.equal(differentialVerdict(bodies(truthy), bodies(falsy)), expected, name);
  }
});
