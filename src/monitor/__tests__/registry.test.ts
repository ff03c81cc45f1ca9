import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { detectors } from '../detectors/index.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'detectors');
/** Detectors tested together in one table file, with the reason. */
const SHARED_TESTS: Record<string, string> = {
  'shadow-operation': 'contract.test.ts', 'zombie-operation': 'contract.test.ts', 'request-contract': 'contract.test.ts', 'response-contract': 'contract.test.ts', 'min-version': 'contract.test.ts',
};

test('every detector: id = file name, metadata complete, thresholds documented, a table test file', () => {
  for (const [id, detector] of Object.entries(detectors)) {
    assert.equal(detector.id, id);
    assert.ok(existsSync(path.join(DIR, `${id}.ts`)), `${id}.ts exists`);
    assert.ok(detector.description.length > 20 && detector.fix.length > 10, `${id} describes itself`);
    assert.ok(detector.owasp.every((tag) => /^API\d+:2023$/.test(tag)) && detector.owasp.length > 0, `${id} has an OWASP category`);
    assert.ok(detector.cwe.every((tag) => /^CWE-\d+$/.test(tag)), `${id} CWE ids`);
    for (const [name, threshold] of Object.entries(detector.thresholds)) {
      assert.ok(threshold.default > 0 && threshold.description.length > 10, `${id}.${name} is documented with a default`);
    }
    const testFile = path.join(DIR, '__tests__', SHARED_TESTS[id] ?? `${id}.test.ts`);
    assert.ok(existsSync(testFile), `${id} has tests`);
    assert.ok(readFileSync(testFile, 'utf8').includes(`'${id}'`) || readFileSync(testFile, 'utf8').includes(id), `${id} is exercised in its test file`);
    // The written false-positive policy is part of the doc block.
    assert.match(readFileSync(path.join(DIR, `${id}.ts`), 'utf8'), /Errs on|errsOn/, `${id} states its false-positive policy`);
  }
});
