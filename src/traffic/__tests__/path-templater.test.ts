import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PathTemplater, parameterName, type TemplateOverrides } from '../path-templater.js';

/** Runs paths (method GET) through a templater that counts hits; returns template → count. */
function templates(paths: readonly string[], overrides?: TemplateOverrides, minWordCardinality?: number): Record<string, number> {
  const templater = new PathTemplater<{ n: number }>({ create: () => ({ n: 0 }), merge: (a, b) => void (a.n += b.n), overrides, minWordCardinality });
  for (const path of paths) templater.add(path, 'GET').n++;
  return Object.fromEntries(templater.finish().map((result) => [result.template, result.value.n]));
}

const ids = (prefix: string, n: number, suffix = '') => Array.from({ length: n }, (_, k) => `${prefix}${1000 + k * 7}${suffix}`);

describe('PathTemplater', () => {
  const cases: { name: string; paths: string[]; expected: Record<string, number>; overrides?: TemplateOverrides; minWordCardinality?: number }[] = [
    { name: 'integer ids become a parameter named after the collection', paths: ids('/users/', 3), expected: { '/users/{userId}': 3 } },
    { name: '/users/me stays beside /users/{userId}', paths: ['/users/me', '/users/me', ...ids('/users/', 3)], expected: { '/users/me': 2, '/users/{userId}': 3 } },
    {
      name: 'demystify#5: same-length paths under different collections do not merge',
      paths: ['/users/list', '/orders/list', '/users/active', '/orders/pending'],
      expected: { '/orders/list': 1, '/orders/pending': 1, '/users/active': 1, '/users/list': 1 },
    },
    {
      name: 'demystify#5: sub-resources of one id stay distinct',
      paths: ['/users/1/posts', '/users/2/comments', '/users/3/posts'],
      expected: { '/users/{userId}/comments': 1, '/users/{userId}/posts': 2 },
    },
    {
      name: 'uuids, nested',
      paths: ['/orders/0b5e7f5c-1d1e-4f4e-9a9a-0c0c0c0c0c01/items/7', '/orders/0b5e7f5c-1d1e-4f4e-9a9a-0c0c0c0c0c02/items/8'],
      expected: { '/orders/{orderId}/items/{itemId}': 2 },
    },
    { name: 'version segments stay literal', paths: ['/v1/books', '/v2/books'], expected: { '/v1/books': 1, '/v2/books': 1 } },
    { name: 'one weak slug stays literal', paths: ['/files/report2024q1'], expected: { '/files/report2024q1': 1 } },
    { name: 'two weak slugs become a parameter', paths: ['/files/report2024q1', '/files/report2024q2'], expected: { '/files/{fileId}': 2 } },
    {
      name: 'many plain words with one shape become a parameter (cardinality)',
      paths: Array.from({ length: 25 }, (_, k) => `/people/${'abcdefghijklmnopqrstuvwxyz'.slice(k, k + 1)}name/friends`),
      expected: { '/people/{personId}/friends': 25 },
    },
    {
      name: 'a few plain words stay literal',
      paths: ['/catalog/books', '/catalog/music', '/catalog/films'],
      expected: { '/catalog/books': 1, '/catalog/films': 1, '/catalog/music': 1 },
    },
    {
      name: 'demystify#5: 25 collections with their own ids never merge into one parameter',
      paths: 'alpha bravo comet delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee'
        .split(' ')
        .flatMap((word) => [`/api/${word}s`, `/api/${word}s/11`, `/api/${word}s/12`]),
      expected: Object.fromEntries(
        'alpha bravo comet delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee'
          .split(' ')
          .flatMap((word) => [[`/api/${word}s`, 1], [`/api/${word}s/{${word}Id}`, 2]]),
      ),
    },
    {
      name: 'usernames seen with different parts of one sub-structure merge',
      paths: Array.from({ length: 24 }, (_, k) => `/accounts/${'abcdefghijklmnopqrstuvwx'[k]}user${k % 3 === 0 ? '' : k % 3 === 1 ? '/members' : '/members/7'}`),
      expected: { '/accounts/{accountId}': 8, '/accounts/{accountId}/members': 8, '/accounts/{accountId}/members/{memberId}': 8 },
    },
    { name: 'dates and emails are typed', paths: ['/reports/2024-01-02', '/invites/a@example.com'], expected: { '/invites/{inviteId}': 1, '/reports/{reportId}': 1 } },
    { name: 'a phone number or an IP in the path is never a literal', paths: ['/lookup/+14155552671', '/hosts/192.168.1.20'], expected: { '/hosts/{hostId}': 1, '/lookup/{lookupId}': 1 } },
    { name: 'root and trailing slash', paths: ['/', '/health/'], expected: { '/': 1, '/health': 1 } },
    {
      name: 'override: forced template',
      paths: ['/files/a/raw', '/files/b/raw'],
      overrides: { templates: ['/files/{fileName}/raw'] },
      expected: { '/files/{fileName}/raw': 2 },
    },
    {
      name: 'override: literal position is never a parameter',
      paths: ['/years/2023/summary', '/years/2024/summary'],
      overrides: { literals: ['/years/*'] },
      expected: { '/years/2023/summary': 1, '/years/2024/summary': 1 },
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => assert.deepEqual(templates(testCase.paths, testCase.overrides, testCase.minWordCardinality), testCase.expected));
  }

  it('a million distinct ids in one position keep the trie and the distinct set bounded', () => {
    const templater = new PathTemplater<{ n: number }>({ create: () => ({ n: 0 }), merge: (a, b) => void (a.n += b.n) });
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < 1_000_000; k++) templater.add(`/items/${k}/detail`, 'GET').n++;
    for (let k = 0; k < 20_000; k++) templater.add(`/tags/t${k.toString(36)}x`, 'GET').n++;
    const results = templater.finish();
    const grown = process.memoryUsage().heapUsed - before;
    assert.ok(templater.size < 1000, `trie has ${templater.size} nodes`);
    assert.ok(grown < 64 * 1024 * 1024, `heap grew by ${grown} bytes`);
    const items = results.find((result) => result.template === '/items/{itemId}/detail');
    assert.equal(items?.value.n, 1_000_000);
    assert.equal(items?.parameters[0]?.distinctCapped, true);
    assert.equal(results.find((result) => result.template === '/tags/{tagId}')?.value.n, 20_000);
  });

  it('names parameters from the preceding segment', () => {
    assert.deepEqual(
      ['users', 'categories', 'boxes', 'api', 'v2', '{id}', 'line-items'].map((segment) => parameterName([segment])),
      ['userId', 'categoryId', 'boxId', 'id', 'id', 'id', 'lineItemId'],
    );
  });
});
