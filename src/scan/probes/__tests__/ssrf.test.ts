import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUrlInput, ssrfVerdict } from '../ssrf.js';
import { apiOf } from './schemas.js';

test('SSRF: URL inputs and the canary verdict', async () => {
  const { schema } = await apiOf({ S: { type: 'object', properties: { url: { type: 'string' }, callbackUrl: { type: 'string' }, site: { type: 'string', format: 'uri' }, name: { type: 'string' }, imageUrl: { type: 'integer' } } } });
  const properties = schema('S').properties;
  assert.deepEqual([...properties].filter(([name, property]) => isUrlInput(name, property)).map(([name]) => name), ['url', 'callbackUrl', 'site']);
  const hit = { token: 'abc', method: 'GET', path: '/c/abc/x', at: 0 };
  assert.equal(ssrfVerdict([hit], 'abc'), true, 'vulnerable: the canary got its token');
  assert.equal(ssrfVerdict([], 'abc'), false, 'fixed: no hit');
  assert.equal(ssrfVerdict([{ ...hit, token: 'other' }], 'abc'), false, 'false positive: a hit for another input');
});
