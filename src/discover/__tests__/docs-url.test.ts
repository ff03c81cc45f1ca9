import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { toFinding } from '../checks/check.js';
import { discoverChecks } from '../checks/index.js';

/** Discover findings link to documentation that exists: the README's Discover section, which names every check. */
const REPO = path.resolve(import.meta.dirname, '..', '..', '..');
const README_DISCOVER = 'https://github.com/rampart-dev/rampart/blob/main/README.md#discover';

test('every discover check links to the README section that names it', () => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Discover\n'), readme.indexOf('\n## ', readme.indexOf('\n## Discover\n') + 1));
  const wrong: string[] = [];
  for (const check of Object.values(discoverChecks)) {
    const finding = toFinding(check, { message: 'm', location: { method: 'GET', path: '/x' } });
    if (finding.docsUrl !== README_DISCOVER) wrong.push(`${check.id}: ${finding.docsUrl}`);
    if (!section.includes(`\`${check.id}\``)) wrong.push(`${check.id}: not named in the README's Discover section`);
  }
  assert.deepEqual(wrong, []);
});
