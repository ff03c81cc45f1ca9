import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateExpression, evaluateLinkValue, parseRuntimeExpression, type ExpressionInput } from '../runtime-expression.js';

const input: ExpressionInput = {
  url: 'http://127.0.0.1:8080/projects/p-1/tasks?limit=5&tag=a&tag=b',
  method: 'post',
  statusCode: 201,
  request: {
    path: { projectKey: 'p-1', 'odd name': 'x' },
    query: new URLSearchParams('limit=5&tag=a&tag=b'),
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'r-9' },
    body: '{"title":"t"}',
    json: { title: 't' },
  },
  response: {
    headers: { location: '/projects/p-1/tasks/T-7', 'x-rate': '3' },
    body: '{"ref":"T-7","a/b":1,"m~n":2,"items":[{"id":10},{"id":11}],"zero":0,"none":null,"":"empty key"}',
    json: { ref: 'T-7', 'a/b': 1, 'm~n': 2, items: [{ id: 10 }, { id: 11 }], zero: 0, none: null, '': 'empty key' },
  },
};

test('runtime expressions: the specification examples and every source evaluate', () => {
  const cases: [string, unknown][] = [
    ['$url', input.url],
    ['$method', 'POST'],
    ['$statusCode', 201],
    ['$request.path.projectKey', 'p-1'],
    ['$request.path.odd name', 'x'],
    ['$request.query.limit', '5'],
    ['$request.query.tag', 'a'],
    ['$request.header.x-request-id', 'r-9'],
    ['$request.header.Content-Type', 'application/json'],
    ['$request.body', { title: 't' }],
    ['$request.body#/title', 't'],
    ['$response.header.Location', '/projects/p-1/tasks/T-7'],
    ['$response.body#/ref', 'T-7'],
    ['$response.body#/a~1b', 1],
    ['$response.body#/m~0n', 2],
    ['$response.body#/items/1/id', 11],
    ['$response.body#/zero', 0],
    ['$response.body#/none', null],
    ['$response.body#/', 'empty key'],
    ['$response.body#', input.response!.json],
    // Absent: no such field, header, index or parameter.
    ['$response.body#/missing', undefined],
    ['$response.body#/items/2/id', undefined],
    ['$response.body#/items/01', undefined],
    ['$response.body#/ref/x', undefined],
    ['$response.header.ETag', undefined],
    ['$request.query.page', undefined],
    ['$request.path.taskRef', undefined],
    ['$response.path.projectKey', undefined],
  ];
  for (const [text, expected] of cases) {
    const parsed = parseRuntimeExpression(text);
    assert.ok(parsed.ok, `${text}: ${parsed.ok ? '' : parsed.error}`);
    assert.deepEqual(evaluateExpression(parsed.expression, input), expected, text);
  }
});

test('runtime expressions: malformed ones are refused with the reason', () => {
  const cases: [string, RegExp][] = [
    ['', /expected \$url/],
    ['url', /expected \$url/],
    ['$URL', /expected \$url/],
    ['$urls', /expected \$url/],
    ['$statuscode', /expected \$url/],
    ['$request', /expected \$url/],
    ['$request.', /after \$request/],
    ['$response.cookie.sid', /after \$response/],
    ['$response.Body#/id', /after \$response/],
    ['$response.bodyx', /after \$response/],
    ['$response.body/id', /after \$response/],
    ['$response.body#id', /JSON pointer/],
    ['$response.body#/a~2b', /JSON pointer/],
    ['$response.body#/a~', /JSON pointer/],
    ['$response.header.', /token characters/],
    ['$response.header.X Id', /token characters/],
    ['$response.header.X(Id)', /token characters/],
    ['$request.query.', /ASCII/],
    ['$request.path.', /ASCII/],
    ['$request.path.clé', /ASCII/],
  ];
  for (const [text, reason] of cases) {
    const parsed = parseRuntimeExpression(text);
    assert.equal(parsed.ok, false, text);
    assert.match(parsed.ok ? '' : parsed.error, reason, text);
  }
});

test('link values: bare, braced, embedded expressions and constants', () => {
  const cases: [unknown, ReturnType<typeof evaluateLinkValue>][] = [
    ['$response.body#/ref', { ok: true, value: 'T-7' }],
    ['{$response.body#/ref}', { ok: true, value: 'T-7' }],
    ['/projects/{$request.path.projectKey}/tasks/{$response.body#/ref}', { ok: true, value: '/projects/p-1/tasks/T-7' }],
    ['{$response.body#/items/0}', { ok: true, value: { id: 10 } }],
    ['item {$response.body#/items/0}', { ok: true, value: 'item {"id":10}' }],
    ['constant', { ok: true, value: 'constant' }],
    ['{not an expression}', { ok: true, value: '{not an expression}' }],
    [42, { ok: true, value: 42 }],
    [{ title: 'literal' }, { ok: true, value: { title: 'literal' } }],
    ['$response.body#/missing', { ok: false, error: '$response.body#/missing is absent from this exchange' }],
    ['a-{$response.header.ETag}', { ok: false, error: '$response.header.ETag is absent from this exchange' }],
    ['$response.body#id', { ok: false, error: 'runtime expression "$response.body#id": the body reference needs a JSON pointer: "" or /token/… with ~0 and ~1 as the only escapes' }],
    ['x{$nope}', { ok: false, error: 'runtime expression "$nope": expected $url, $method, $statusCode, $request.… or $response.…' }],
  ];
  for (const [value, expected] of cases) assert.deepEqual(evaluateLinkValue(value, input), expected, JSON.stringify(value));
});

test('link values: an exchange without a response names no response value', () => {
  const noResponse: ExpressionInput = { ...input, response: undefined, statusCode: undefined };
  assert.deepEqual(evaluateLinkValue('$response.body#/ref', noResponse), { ok: false, error: '$response.body#/ref is absent from this exchange' });
  assert.deepEqual(evaluateLinkValue('$request.path.projectKey', noResponse), { ok: true, value: 'p-1' });
});
