import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corsVerdict, hstsProblem, openRedirectVerdict, plainHttpVerdict, traversalVerdict, versionDisclosed } from '../transport-config.js';

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

test('HSTS on HTTPS responses', () => {
  const cases: [string, Record<string, string>, string | undefined][] = [
    ['fixed: a year, subdomains', { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }, undefined],
    ['fixed: quoted max-age, other order', { 'strict-transport-security': 'includeSubDomains; max-age="63072000"; preload' }, undefined],
    ['vulnerable: no header', {}, 'no Strict-Transport-Security header'],
    ['vulnerable: max-age=0 turns it off', { 'strict-transport-security': 'max-age=0' }, 'Strict-Transport-Security: max-age=0 turns HSTS off'],
    ['vulnerable: no max-age', { 'strict-transport-security': 'includeSubDomains' }, 'Strict-Transport-Security without a valid max-age: includeSubDomains'],
  ];
  for (const [name, headers, expected] of cases) assert.equal(hstsProblem(headers), expected, name);
});

test('plain HTTP must redirect to HTTPS', () => {
  const r = (status: number, location?: string): { status: number; headers: Record<string, string> } => ({ status, headers: location ? { location } : {} });
  const cases: [string, ReturnType<typeof r>, boolean][] = [
    ['vulnerable: the API answers over HTTP', r(200), true],
    ['vulnerable: a login challenge over HTTP invites clear-text credentials', r(401), true],
    ['vulnerable: redirects, but to http', r(301, 'http://api.test/health'), true],
    ['vulnerable: a redirect with no Location', r(302), true],
    ['fixed: 308 to https', r(308, 'https://api.test/health'), false],
    ['fixed: 301 to HTTPS (any case)', r(301, 'HTTPS://api.test/'), false],
    ['fixed: refused with 403', r(403), false],
    ['fixed: 426 Upgrade Required', r(426), false],
  ];
  for (const [name, response, expected] of cases) assert.equal(plainHttpVerdict(response), expected, name);
});
