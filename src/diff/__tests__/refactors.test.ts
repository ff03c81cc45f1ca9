import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadDocument } from '../../spec/document.js';
import { diff } from '../diff.js';

/**
 * Pure refactors must report nothing: a schema moved into components, keys reordered, YAML ↔ JSON,
 * `allOf` of a single $ref vs the inline schema, a file split, a recursive schema rebuilt with
 * allOf, Swagger 2.0 → OpenAPI 3.0 and 3.0 → 3.1 translations of the same API.
 */
const FIXTURES = path.resolve('test/fixtures/diff');
const REFACTORS = ['schema-moved-into-components', 'keys-reordered', 'yaml-to-json', 'allof-single-ref', 'split-into-files', 'recursive-schema', 'swagger2-to-openapi3', 'openapi30-to-31'];

for (const name of REFACTORS) {
  test(`no change: ${name}`, async () => {
    const dir = path.join(FIXTURES, name);
    const file = (side: string) => path.join(dir, readdirSync(dir).find((entry) => entry.startsWith(`${side}.`))!);
    const base = await loadDocument(file('base'), { cwd: dir });
    const revision = await loadDocument(file('revision'), { cwd: dir });
    assert.deepEqual(base.refProblems, []);
    assert.deepEqual(revision.refProblems, []);
    const { findings } = diff(base, revision);
    assert.deepEqual(findings.map((finding) => finding.message), []);
    // And the other way round.
    assert.deepEqual(diff(revision, base).findings.map((finding) => finding.message), []);
  });
}

test('no change: every document against itself', async () => {
  for (const name of REFACTORS) {
    const dir = path.join(FIXTURES, name);
    for (const entry of readdirSync(dir).filter((e) => /\.(ya?ml|json)$/.test(e))) {
      const document = await loadDocument(path.join(dir, entry), { cwd: dir });
      assert.deepEqual(diff(document, document).findings, [], `${name}/${entry}`);
    }
  }
});
