import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { load } from 'js-yaml';
import { evaluate, queryDescendants } from '../spectral-rule.js';

const doc = load(readFileSync(path.resolve(import.meta.dirname, 'fixtures/parity/docs/petfood.yaml'), 'utf8')) as object;
const key = (match: { path: string[] }) => match.path.join('/');

for (const rest of ['properties', 'properties[*]', "['enum']", '[?(@.type === "string")]', '*', 'items.$ref', '[?(@property === "schema")]']) {
  it(`$..${rest}: the explicit-stack walk finds what jsonpath-plus finds`, () => {
    const expected = evaluate(doc, `$..${rest}`).map(key).sort();
    assert.ok(expected.length > 0, 'the expression matches something in the fixture');
    assert.deepEqual(queryDescendants(doc, rest).map(key).sort(), expected);
  });
}
