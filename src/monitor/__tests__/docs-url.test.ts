import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { detectors } from '../detectors/index.js';
import { IdentityResolver } from '../identity.js';
import { Monitor } from '../monitor.js';
import { PROXY_DOCS_URL } from '../types.js';
import type { Finding } from '../../core/finding.js';

/** Proxy findings link to documentation that exists: the README's Proxy section, whose table names every detector. */
const REPO = path.resolve(import.meta.dirname, '..', '..', '..');

test('proxy findings link to the README section that names every detector', () => {
  assert.equal(PROXY_DOCS_URL, 'https://github.com/rampart-dev/rampart/blob/main/README.md#proxy');
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Proxy\n');
  assert.ok(start >= 0, 'the README has a Proxy section (the #proxy anchor)');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const unnamed = Object.values(detectors).map((detector) => detector.id).filter((id) => !section.includes(`\`${id}\``));
  assert.deepEqual(unnamed, []);

  // A finding as the monitor raises it: scanning for 404 bursts, replayed.
  const findings: Finding[] = [];
  const monitor = new Monitor({ identity: new IdentityResolver(), defaultMode: 'monitor', onAlert: (finding) => findings.push(finding) });
  for (let k = 0; k < 40; k++) {
    monitor.replay({ startedAt: 1_000 + k, request: { method: 'GET', url: `http://api.test/nothing-${k}`, headers: {} }, response: { status: 404, headers: {} }, origin: 'har' });
  }
  assert.ok(findings.length > 0, 'the 404 burst raised an alert');
  assert.deepEqual([...new Set(findings.map((finding) => finding.docsUrl))], [PROXY_DOCS_URL]);
});
