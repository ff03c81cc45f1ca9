import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corsVerdict, openRedirectVerdict, traversalVerdict, versionDisclosed } from '../transport-config.js';

test('transport and configuration verdicts', () => {
  const evil = 'https://rampart-evil.example';
  assert.equal(corsVerdict({ 'access-control-allow-origin': evil, 'access-control-allow-credentials': 'true' }, evil), true, 'vulnerable: reflected with credentials');
  assert.equal(corsVerdict({ 'access-control-allow-origin': 'null', 'access-control-allow-credentials': 'true' }, evil), true, 'vulnerable: null origin with credentials');
  assert.equal(corsVerdict({ 'access-control-allow-origin': '*' }, evil), false, 'false positive guard: wildcard without credentials');
  assert.equal(corsVerdict({}, evil), false, 'fixed: no CORS headers');
  assert.equal(versionDisclosed({ server: 'nginx/1.25.3' }), 'server: nginx/1.25.3');
  assert.equal(versionDisclosed({ server: 'nginx' }), undefined, 'no version, no finding');
  assert.equal(openRedirectVerdict({ status: 302, headers: { location: 'https://rampart-redirect.example/landing' } }, 'https://rampart-redirect.example/landing'), true);
  assert.equal(openRedirectVerdict({ status: 302, headers: { location: '/home' } }, 'https://rampart-redirect.example/landing'), false);
  assert.equal(traversalVerdict('not found', 'root:x:0:0:root:/root:/bin/bash'), true);
  assert.equal(traversalVerdict('root:x:0:0:', 'root:x:0:0:'), false, 'false positive guard: the baseline shows it too');
});
