import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { lint } from '../../lint/lint.js';

const FIXTURE = path.resolve('test/fixtures/loader/merge-keys');

test('a document with YAML merge keys lints, and findings on merged keys point at the anchored text', async () => {
  const result = await lint('openapi.yaml', { cwd: FIXTURE });
  assert.deepEqual(result.errors, []);
  const located = (ruleId: string) =>
    result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => ({ message: finding.message, location: finding.location }));
  assert.deepEqual(located('oas3-schema'), [
    {
      message: 'Property "descripton" is not expected here.',
      location: { file: 'openapi.yaml', pointer: '/paths/~1books/get/descripton', line: 8, column: 5, endLine: 8, endColumn: 15 },
    },
  ]);
  assert.deepEqual(located('operation-tag-defined'), [
    {
      message: 'Operation tags must be defined in global tags.',
      location: { file: 'openapi.yaml', pointer: '/paths/~1books/get/tags/0', line: 7, column: 12, endLine: 7, endColumn: 17 },
    },
  ]);
  // The merged 404 counts as a documented response; an explicit key beside a merge is no duplicate.
  assert.match(located('error-response-schema')[0]?.message ?? '', /error responses 404 have no body schema/);
  assert.deepEqual(located('no-duplicate-keys'), []);
});
