import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
// @ts-expect-error -- plain JavaScript shared with bench/diff.mjs
import { checkExpected, deriveRevision } from '../../../bench/diff-revisions.mjs';
import { loadDocument } from '../../spec/document.js';
import { diff } from '../diff.js';

/**
 * Real documents, realistic next versions: each derived edit must be reported at its operation,
 * and a document compared with a fresh load of itself must report nothing.
 */
const CORPUS = path.resolve('..', 'shared', 'corpus');
const DOCUMENTS = ['petstore/petstore.yaml', 'crapi/crapi-openapi-spec.json', 'adyen-checkout/CheckoutService-v71.json', 'slack-web/slack_web_openapi_v2.json', 'box/openapi.json'];

describe('diff on corpus documents', { skip: existsSync(CORPUS) ? false : 'corpus not found at ../shared/corpus' }, () => {
  for (const relative of DOCUMENTS) {
    test(relative, async () => {
      const file = path.join(CORPUS, relative);
      const base = await loadDocument(file, { cwd: CORPUS });
      assert.deepEqual(diff(base, await loadDocument(file, { cwd: CORPUS })).findings, [], 'a document against itself');

      const { value, expected } = deriveRevision(base.root.value) as { value: unknown; expected: { id: string; operation: string }[] };
      assert.ok(expected.length >= 3, `at least three edits derived, got ${expected.length}`);
      const revisionFile = path.join(path.dirname(file), 'revision.json');
      const revision = await loadDocument(revisionFile, { cwd: CORPUS, overlay: new Map([[revisionFile, JSON.stringify(value)]]) });
      const { findings } = diff(base, revision, { policy: { versionBump: 'off' } });
      const checked = checkExpected(findings, expected) as { id: string; operation: string; found: boolean }[];
      assert.deepEqual(checked.filter((c) => !c.found), [], 'every derived edit is reported');
    });
  }
});
