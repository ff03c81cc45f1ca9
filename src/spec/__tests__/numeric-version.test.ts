import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { lint } from '../../lint/lint.js';

const FIXTURES = path.resolve('test/fixtures/loader/numeric-version');

/** An unquoted version is a YAML number: the document is linted, and the schema rule says where the string belongs. */
describe('a version written as a YAML number', () => {
  const cases: [file: string, format: string, ruleId: string, key: string][] = [
    ['swagger-2-0.yaml', 'oas2', 'oas2-schema', 'swagger'],
    ['openapi-3-0.yaml', 'oas3.0', 'oas3-schema', 'openapi'],
    ['openapi-3-1.yaml', 'oas3.1', 'oas3-schema', 'openapi'],
  ];
  for (const [file, format, ruleId, key] of cases) {
    test(`${file} lints as ${format} with one ${ruleId} finding at the ${key} value`, async () => {
      const result = await lint(file, { cwd: FIXTURES });
      assert.deepEqual(result.errors, []);
      assert.equal(result.documents[0]?.format, format);
      const structural = result.findings.filter((finding) => finding.ruleId === ruleId);
      assert.deepEqual(
        structural.map((finding) => ({ message: finding.message, location: finding.location })),
        [{ message: `"${key}" property must be string.`, location: { file, pointer: `/${key}`, line: 1, column: key.length + 3, endLine: 1, endColumn: key.length + 6 } }],
      );
    });
  }
});
