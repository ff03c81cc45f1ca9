import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../core/finding.js';
import { isReporterName, reporters } from '../index.js';
import { basicAuth, context, finding, operationFinding } from './fixtures.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const everything: Finding[] = deepFreeze([
  finding(),
  { ...basicAuth, relatedLocations: [{ file: 'api/b.yaml', pointer: '/x', line: 1, column: 1 }], fix: 'Use OAuth 2.', fields: { level: 'x' } },
  operationFinding,
  finding({ severity: 'hint', suppressed: { kind: 'baseline', justification: 'accepted' } }),
]);

test('reporters: the registry lists the documented formats', () => {
  assert.deepEqual(Object.keys(reporters), ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'changelog', 'html']);
  assert.equal(isReporterName('sarif'), true);
  assert.equal(isReporterName('toString'), false);
});

for (const [name, reporter] of Object.entries(reporters)) {
  test(`reporters: ${name} has its own test file`, () => {
    assert.ok(existsSync(fileURLToPath(new URL(`./${name}.test.ts`, import.meta.url))), `src/report/__tests__/${name}.test.ts is missing`);
  });

  test(`reporters: ${name} is pure: same text for the same input, inputs untouched, newline-terminated`, () => {
    const ctx = deepFreeze(context({ inputs: ['api/openapi.yaml', 'api/clean.yaml'], blocks: { score: { score: 50 } } }));
    const first = reporter(everything, ctx);
    const second = reporter(everything, ctx);
    assert.equal(typeof first, 'string');
    assert.equal(first, second);
    assert.ok(first.endsWith('\n'));
    const empty = reporter([], ctx);
    assert.equal(typeof empty, 'string');
  });
}
