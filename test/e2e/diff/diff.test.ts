import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { buildIfStale, caseFolders, REPO, transcript } from './transcript.js';

/** `UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/e2e/diff` rewrites the expected transcripts; review the diff. */
const update = process.env.UPDATE_GOLDEN === '1';

before(() => buildIfStale());

for (const caseDir of caseFolders(path.join(REPO, 'test', 'e2e', 'diff'))) {
  test(`rampart diff e2e: ${path.basename(caseDir)}`, () => {
    const actual = transcript(caseDir);
    const expectedFile = path.join(caseDir, 'expected.stdout');
    if (update) writeFileSync(expectedFile, actual);
    assert.equal(actual, readFileSync(expectedFile, 'utf8'));
  });
}
