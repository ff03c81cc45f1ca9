import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matcherFor, OperationMatcher, type MatchableOperation } from '../operation-matcher.js';
import { splitPath } from '../path-templater.js';

const operation = (method: string, path: string): MatchableOperation & { id: string } => ({ id: `${method} ${path}`, method, segments: splitPath(path) });
const documented = [
  operation('GET', '/users'),
  operation('GET', '/users/{userId}'),
  operation('GET', '/users/me'),
  operation('DELETE', '/users/{userId}'),
  operation('GET', '/users/{userId}/orders/{orderId}'),
  operation('GET', '/users/{userId}/orders/latest'),
  operation('GET', '/{tenant}/settings'),
  operation('GET', '/files/{a}/{b}'),
  operation('GET', '/files/{x}/{y}'),
  operation('GET', '/'),
];

const cases: { name: string; method: string; path: string; expected: string | undefined }[] = [
  { name: 'literal path', method: 'GET', path: '/users', expected: 'GET /users' },
  { name: 'a parameter matches any segment', method: 'GET', path: '/users/42', expected: 'GET /users/{userId}' },
  { name: 'the most literal match wins', method: 'GET', path: '/users/me', expected: 'GET /users/me' },
  { name: 'the method must match', method: 'POST', path: '/users/42', expected: undefined },
  { name: 'same path, other method', method: 'DELETE', path: '/users/me', expected: 'DELETE /users/{userId}' },
  { name: 'the segment count must match', method: 'GET', path: '/users/42/orders', expected: undefined },
  { name: 'deeper: literal beats parameter in the last segment', method: 'GET', path: '/users/7/orders/latest', expected: 'GET /users/{userId}/orders/latest' },
  { name: 'deeper: parameters', method: 'GET', path: '/users/7/orders/9', expected: 'GET /users/{userId}/orders/{orderId}' },
  { name: 'a leading parameter', method: 'GET', path: '/acme/settings', expected: 'GET /{tenant}/settings' },
  { name: 'a literal segment that differs', method: 'GET', path: '/acme/preferences', expected: undefined },
  { name: 'tie: the first documented wins', method: 'GET', path: '/files/1/2', expected: 'GET /files/{a}/{b}' },
  { name: 'the root', method: 'GET', path: '/', expected: 'GET /' },
  { name: 'an observed template matches a documented parameter', method: 'GET', path: '/users/{id}', expected: 'GET /users/{userId}' },
  { name: 'an observed template never matches a documented literal', method: 'GET', path: '/users/{id}/orders/{orderId}', expected: 'GET /users/{userId}/orders/{orderId}' },
  { name: 'unknown method', method: 'TRACE', path: '/', expected: undefined },
];

for (const { name, method, path, expected } of cases) {
  test(`operation matcher: ${name}`, () => {
    assert.equal(new OperationMatcher(documented).match(method, splitPath(path))?.id, expected);
  });
}

test('operation matcher: an observed template in a literal position does not match', () => {
  const matcher = new OperationMatcher([operation('GET', '/users/me')]);
  assert.equal(matcher.match('GET', ['users', '{id}']), undefined);
});

test('matcherFor builds one matcher per operation list', () => {
  assert.equal(matcherFor(documented), matcherFor(documented));
  assert.notEqual(matcherFor(documented), matcherFor([...documented]));
  assert.equal(matcherFor(documented).match('GET', ['users', 'me'])?.id, 'GET /users/me');
});
