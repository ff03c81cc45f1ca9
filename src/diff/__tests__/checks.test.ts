import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SCHEMA_KINDS } from '../compare-schemas.js';
import { MESSAGES, SCHEMA_MESSAGES } from '../messages.js';
import { catalogueEntry, changeDefinitions, checks } from '../registry.js';
import { apiWideCases, apiWideQuietCases } from './cases/api-wide.js';
import { bodyCases } from './cases/bodies.js';
import { endpointCases } from './cases/endpoints.js';
import { parameterCases } from './cases/parameters.js';
import { schemaCases, visibilityCases } from './cases/schemas.js';
import { unmodelledCases } from './cases/unmodelled.js';
import { variantCases } from './cases/variants.js';
import { runDiffCases, type DiffCase } from './harness.js';

const tables: Record<string, DiffCase[]> = { endpoints: endpointCases, parameters: parameterCases, bodies: bodyCases, 'api-wide': [...apiWideCases, ...apiWideQuietCases], schemas: schemaCases, visibility: visibilityCases, variants: variantCases, unmodelled: unmodelledCases };

for (const [name, cases] of Object.entries(tables)) describe(`diff cases: ${name}`, () => runDiffCases(cases));

describe('diff registry', () => {
  const all = Object.values(tables).flat();

  test('case names are unique', () => {
    const names = all.map((c) => c.name);
    assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
  });

  test('every change id has at least one case that expects it', () => {
    const covered = new Set(all.flatMap((c) => c.expected.map((e) => e.id)));
    assert.deepEqual([...changeDefinitions.keys()].filter((id) => !covered.has(id)), []);
  });

  test('ids are unique across check families, kebab-case, and each has a catalogue entry', () => {
    const ids = checks.flatMap((check) => check.definitions.map((d) => d.id));
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/, id);
      assert.ok(catalogueEntry(id), `no message for ${id}`);
    }
  });

  test('the catalogue has no entry without an id', () => {
    assert.deepEqual(Object.keys(MESSAGES).filter((id) => !changeDefinitions.has(id)), []);
    assert.deepEqual(Object.keys(SCHEMA_MESSAGES).sort(), [...SCHEMA_KINDS].sort());
  });
});
