import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { validArbitrary, violations } from '../../payload.js';
import { validate } from '../../schema.js';
import { inputVerdict } from '../input-validation.js';
import { apiOf } from './schemas.js';

test('input validation verdict', () => {
  const cases: [string, 'valid' | 'invalid', number | undefined, ReturnType<typeof inputVerdict>][] = [
    ['vulnerable: invalid accepted', 'invalid', 201, 'invalidAccepted'],
    ['vulnerable: invalid crashes', 'invalid', 500, 'invalidCrash'],
    ['vulnerable: valid crashes', 'valid', 503, 'validCrash'],
    ['fixed: invalid refused', 'invalid', 422, 'ok'],
    ['fixed: valid may be refused (business rule)', 'valid', 409, 'ok'],
    ['not judged: no response', 'invalid', undefined, 'unknown'],
  ];
  for (const [name, kind, status, expected] of cases) assert.equal(inputVerdict(kind, status), expected, name);
});

test('generated values: valid ones validate, every violation breaks the schema, same seed same values', async () => {
  const { schema } = await apiOf({
    Order: { type: 'object', additionalProperties: false, required: ['item', 'quantity'], properties: { id: { type: 'string', readOnly: true }, item: { type: 'string', minLength: 1, maxLength: 10 }, quantity: { type: 'integer', minimum: 1, maximum: 100 }, kind: { type: 'string', enum: ['a', 'b'] }, code: { type: 'string', pattern: '^[A-Z]{3}$' } } },
  });
  const order = schema('Order');
  const context = { url: () => 'http://127.0.0.1:9/c' };
  const samples = fc.sample(validArbitrary(order, context), { seed: 7, numRuns: 50 });
  for (const sample of samples) assert.deepEqual(validate(order, 'request', sample), [], JSON.stringify(sample));
  assert.deepEqual(fc.sample(validArbitrary(order, context), { seed: 7, numRuns: 50 }), samples);
  const base = samples.find((sample) => (sample as Record<string, unknown>).code !== undefined && (sample as Record<string, unknown>).kind !== undefined)!;
  const list = violations(order, 'json');
  assert.ok(list.length >= 10, `${list.length} violations`);
  for (const violation of list) assert.notDeepEqual(validate(order, 'request', violation.apply(base)), [], violation.description);
});
