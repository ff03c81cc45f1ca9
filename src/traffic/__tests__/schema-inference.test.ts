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
    ['enum for small repeated sets of words', ['new', 'paid', 'new', 'paid', 'new'], { type: 'string', enum: ['new', 'paid'] }],
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

  // The inferred schema is printed (inventory, --openapi): an observed value may appear only as a
  // category of a clearly categorical field. Each row: samples of one field (mostly two distinct
  // values, each twice, so that only the guard under test can refuse the enum), and the enum expected.
  const twice = (...samples: Record<string, unknown>[]) => [...samples, ...samples];
  const enumCases: [string, Record<string, unknown>[], string, string[] | undefined][] = [
    ['status words', twice({ status: 'active' }, { status: 'pending' }), 'status', ['active', 'pending']],
    ['UPPER_SNAKE states', twice({ state: 'IN_PROGRESS' }, { state: 'DONE' }), 'state', ['DONE', 'IN_PROGRESS']],
    ['lowerCamel kinds', twice({ kind: 'inProgress' }, { kind: 'closed' }), 'kind', ['closed', 'inProgress']],
    ['a person name (Title Case, spaces)', twice({ name: 'John Smith' }, { name: 'Jane Doe' }), 'name', undefined],
    ['a password', twice({ password: 'hunter2hunter2' }, { password: 'letmein' }), 'password', undefined],
    ['a word-shaped password (the field name decides)', twice({ password: 'hunter' }, { password: 'letmein' }), 'password', undefined],
    ['a PIN (digits)', twice({ pin: '4821' }, { pin: '1234' }), 'pin', undefined],
    ['a recovery code', twice({ recoveryCode: 'ABCD-EFGH' }, { recoveryCode: 'WXYZ-QRST' }), 'recoveryCode', undefined],
    ['a word-shaped recovery code (the field name decides)', twice({ recoveryCode: 'ABCD' }, { recoveryCode: 'WXYZ' }), 'recoveryCode', undefined],
    ['an address (free text)', twice({ address: '12 Baker Street, London' }, { address: '1 Main St' }), 'address', undefined],
    ['a word under a personal field name', twice({ city: 'london' }, { city: 'paris' }), 'city', undefined],
    ['an access token', twice({ accessToken: 'abc123def456' }, { accessToken: 'xyz789uvw012' }), 'accessToken', undefined],
    ['a letters-only token (the field name decides)', twice({ accesstoken: 'abcdefgh' }, { accesstoken: 'qwertyui' }), 'accesstoken', undefined],
    ['free text', twice({ comment: 'fine' }, { comment: 'broken' }), 'comment', undefined],
    ['an e-mail', twice({ contact: 'a@b.co' }, { contact: 'c@d.co' }), 'contact', undefined],
    ['a card number', twice({ pan: '4111111111111111' }, { pan: '5500000000000004' }), 'pan', undefined],
    ['one value only: a constant, not an enumeration', twice({ tier: 'gold' }, { tier: 'gold' }), 'tier', undefined],
    ['a value seen once', [{ tier: 'gold' }, { tier: 'gold' }, { tier: 'silver' }], 'tier', undefined],
    ['too long for a category', twice({ plan: 'a'.repeat(33) }, { plan: 'b'.repeat(33) }), 'plan', undefined],
  ];
  for (const [name, values, field, expected] of enumCases) {
    it(`enum inference: ${name}`, () => {
      const schema = infer(...values) as { properties: Record<string, Record<string, unknown>> };
      assert.deepEqual(schema.properties[field]!.enum, expected);
    });
  }

  it('enum inference: nothing under a sensitive parent becomes an enum', () => {
    const samples = ['old', 'new', 'old', 'new'].map((word) => ({ credentials: { current: word }, password: { kind: [word] } }));
    const schema = infer(...samples) as { properties: Record<string, { properties: Record<string, Record<string, unknown>> }> };
    assert.equal(schema.properties.credentials!.properties.current!.enum, undefined);
    assert.equal((schema.properties.password!.properties.kind!.items as Record<string, unknown>).enum, undefined);
  });

  it('enum inference: query-style parameters are judged by their name too', () => {
    const sketch = emptySketch();
    for (const value of ['asc', 'desc', 'asc', 'desc']) observe(sketch, value, 0, 'sort');
    assert.deepEqual(toJsonSchema(sketch).enum, ['asc', 'desc']);
    const search = emptySketch();
    for (const value of ['smith', 'jones', 'smith', 'jones']) observe(search, value, 0, 'q');
    assert.equal(toJsonSchema(search).enum, undefined);
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
