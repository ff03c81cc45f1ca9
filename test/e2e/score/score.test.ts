import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { goldenCases, REPO, runCase, useFreshCli } from '../golden.js';

/** `UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/e2e/score` rewrites the expected transcripts; review the diff. */
const update = process.env.UPDATE_GOLDEN === '1';

let cleanup = () => {};
before(() => {
  cleanup = useFreshCli();
});
after(() => cleanup());

describe('rampart score e2e', { concurrency: 2 }, () => {
  for (const caseDir of goldenCases(path.join(REPO, 'test', 'e2e', 'score'))) {
    test(path.basename(caseDir), async () => {
      const actual = await runCase(caseDir);
      const expectedFile = path.join(caseDir, 'expected.stdout');
      if (update) writeFileSync(expectedFile, actual);
      assert.equal(actual, readFileSync(expectedFile, 'utf8'));
    });
  }
});
