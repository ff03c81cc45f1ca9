import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptySketch, mergeSketch, observe, toJsonSchema, MAX_DEPTH } from '../schema-inference.js';

function infer(...samples: unknown[]) {
  const sketch = emptySketch();
  for (const sample of samples) observe(sketch, sample);
  return toJsonSchema(sketch);
}

describe('schema inference', () => {
  const cases: [string, unknown[], Record<string, unknown>][] = [
    ['integers', [1, 2], { type: 'integer' }],
    ['numbers win over integers', [1, 2.5], { type: 'number' }],
    ['nullable', ['a', null], { type: ['string', 'null'] }],
    ['formats', ['2024-01-02T03:04:05Z', '2025-01-02T03:04:05.1+01:00'], { type: 'string', format: 'date-time' }],
    ['uuid', ['0b5e7f5c-1d1e-4f4e-9a9a-0c0c0c0c0c01'], { type: 'string', format: 'uuid' }],
    ['mixed formats: none', ['a@b.co', 'http://x.y'], { type: 'string' }],
    ['enum for small repeated sets', ['new', 'paid', 'new', 'paid', 'new'], { type: 'string', enum: ['new', 'paid'] }],
    ['no enum for few samples', ['new', 'paid'], { type: 'string' }],
    [
      'required by presence in every sample',
      [{ id: 1, name: 'a' }, { id: 2 }],
      { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } }, required: ['id'] },
    ],
    ['arrays of objects', [[{ a: true }], []], { type: 'array', items: { type: 'object', properties: { a: { type: 'boolean' } }, required: ['a'] } }],
    ['only empty arrays', [[]], { type: 'array', items: {} }],
  ];
  for (const [name, samples, expected] of cases) it(name, () => assert.deepEqual(infer(...samples), expected));

  it('sensitive values never become enums (they would be printed)', () => {
    const samples = Array.from({ length: 6 }, () => ({ password: 'hunter22', card: '4111111111111111', mail: 'a@b.co', status: 'ok' }));
    const schema = infer(...samples) as { properties: Record<string, Record<string, unknown>> };
    assert.equal(schema.properties.password!.enum, undefined);
    assert.equal(schema.properties.card!.enum, undefined);
    assert.equal(schema.properties.mail!.enum, undefined);
    assert.deepEqual(schema.properties.status!.enum, ['ok']);
  });

  it('merging sketches equals observing everything in one', () => {
    const a = emptySketch();
    const b = emptySketch();
    observe(a, { x: 1, y: 'new' });
    observe(b, { x: 2.5 });
    mergeSketch(a, b);
    assert.deepEqual(toJsonSchema(a), infer({ x: 1, y: 'new' }, { x: 2.5 }));
  });

  it('deeply nested JSON is cut at MAX_DEPTH, not followed', () => {
    let deep: unknown = 1;
    for (let k = 0; k < 100_000; k++) deep = { d: deep };
    const sketch = emptySketch();
    observe(sketch, deep);
    let node = sketch;
    let depth = 0;
    while (node.properties?.d) {
      node = node.properties.d;
      depth++;
    }
    assert.equal(depth, MAX_DEPTH);
    assert.equal(node.truncated, true);
  });
});
