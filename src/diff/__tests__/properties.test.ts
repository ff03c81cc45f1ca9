import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { diffSpecs } from './harness.js';

/** Random schemas: how a schema is written (key order, $ref into components) never changes the diff. */
const schema = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constantFrom('string', 'integer', 'number', 'boolean') }, { requiredKeys: ['type'] }),
    fc.record({ type: fc.constant('string'), maxLength: fc.nat(50), enum: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1 }) }, { requiredKeys: ['type'] }),
    fc.record({ type: fc.constant('array'), items: tie('node') }),
    fc
      .dictionary(fc.constantFrom('id', 'name', 'tags', 'owner', 'size'), tie('node'), { maxKeys: 4 })
      .chain((properties) => fc.record({ type: fc.constant('object'), properties: fc.constant(properties), required: fc.subarray(Object.keys(properties)) })),
  ),
})).node;

function document(body: unknown, response: unknown, components?: Record<string, unknown>): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: { title: 'P', version: '1.0.0' },
    paths: {
      '/things': {
        post: {
          requestBody: { content: { 'application/json': { schema: body } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: response } } } },
        },
      },
    },
    ...(components ? { components: { schemas: components } } : {}),
  };
}

/** Reverses the key order of every object (arrays keep their order: it can matter). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, child]) => [key, reverseKeys(child)]));
}

test('property: reordering keys and moving the schema into components report nothing', async () => {
  await fc.assert(
    fc.asyncProperty(schema, async (thing) => {
      const inline = document(thing, thing);
      const referenced = document({ $ref: '#/components/schemas/Thing' }, { allOf: [{ $ref: '#/components/schemas/Thing' }] }, { Thing: thing });
      assert.deepEqual(await diffSpecs(inline, reverseKeys(inline) as Record<string, unknown>), []);
      assert.deepEqual(await diffSpecs(inline, referenced), []);
    }),
    { numRuns: 60 },
  );
});

test('property: changing the request type of a schema is always reported, and as breaking', async () => {
  await fc.assert(
    fc.asyncProperty(schema, async (thing) => {
      const changed = { ...thing, type: thing.type === 'boolean' ? 'string' : 'boolean' };
      const findings = await diffSpecs(document(thing, { type: 'object' }), document(changed, { type: 'object' }));
      assert.deepEqual(findings.map((f) => [f.ruleId, f.fields?.level]), [['request-body-type-changed', 'breaking']]);
    }),
    { numRuns: 60 },
  );
});
