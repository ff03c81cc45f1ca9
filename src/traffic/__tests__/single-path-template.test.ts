import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { templateSinglePath } from '../single-path-template.js';

describe('templateSinglePath (one path, no second value: the proxy)', () => {
  // [path, template, parameter values]
  const cases: [string, string, Record<string, string>][] = [
    ['/users/carol@example.com', '/users/{userId}', { userId: 'carol@example.com' }],
    ['/users/carol%40example.com/orders', '/users/{userId}/orders', { userId: 'carol@example.com' }],
    ['/undoc/QUERYPATHTOKEN-abcdef1234567890abcdef', '/undoc/{undocId}', { undocId: 'QUERYPATHTOKEN-abcdef1234567890abcdef' }],
    ['/accounts/42/orders/0b5e7f5c-1d1e-4f4e-9a9a-0c0c0c0c0c01', '/accounts/{accountId}/orders/{orderId}', { accountId: '42', orderId: '0b5e7f5c-1d1e-4f4e-9a9a-0c0c0c0c0c01' }],
    ['/accounts/acc_100', '/accounts/{accountId}', { accountId: 'acc_100' }],
    ['/users/John%20Smith', '/users/{userId}', { userId: 'John Smith' }],
    ['/users/user12', '/users/{userId}', { userId: 'user12' }],
    ['/reports/2026-01-02', '/reports/{reportId}', { reportId: '2026-01-02' }],
    ['/blobs/9f86d081884c7d65', '/blobs/{blobId}', { blobId: '9f86d081884c7d65' }],
    ['/callers/+14155550123', '/callers/{callerId}', { callerId: '+14155550123' }],
    ['/a/1/2', '/a/{aId}/{id}', { aId: '1', id: '2' }],
    ['/x/1/y/2/3', '/x/{xId}/y/{yId}/{id}', { xId: '1', yId: '2', id: '3' }],
    ['/id/1/1', '/id/{idId}/{id}', { idId: '1', id: '1' }],
    ['/users/me', '/users/me', {}],
    ['/api/v2/products', '/api/v2/products', {}],
    ['/auth/password-reset', '/auth/password-reset', {}],
    ['/robots.txt', '/robots.txt', {}],
    ['/', '/', {}],
  ];
  for (const [path, template, params] of cases) {
    it(`${path} → ${template}`, () => assert.deepEqual(templateSinglePath(path), { path: template, params }));
  }

  it('a plain word stays literal: without cardinality a user name cannot be told from a resource', () => {
    assert.equal(templateSinglePath('/users/carol').path, '/users/carol');
  });

  it('same-named parameters get numbered', () => {
    assert.deepEqual(templateSinglePath('/1/2/3'), { path: '/{id}/{id2}/{id3}', params: { id: '1', id2: '2', id3: '3' } });
  });
});
