import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from '../../lint/lint.js';
import { loadDocument } from '../document.js';

/** A document whose schemas each hold a $ref to the next: shallow in every file, deep once refs are followed. */
function chain(length: number): string {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < length; i++) schemas[`S${i}`] = { type: 'object', properties: { next: { $ref: `#/components/schemas/S${i + 1}` } } };
  schemas[`S${length}`] = { type: 'string' };
  const response = { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } } };
  return JSON.stringify({ openapi: '3.0.3', info: { title: 'chain', version: '1' }, paths: { '/a': { get: { responses: { '200': response } } } }, components: { schemas } });
}

const load = (length: number) => {
  const file = `/virtual/chain-${length}.json`;
  return { file, overlay: new Map([[file, chain(length)]]), overlayOnly: true, cwd: '/virtual' };
};

describe('long $ref chains (deep only after resolution)', () => {
  test('2,000 links: load works and every $ref resolves', async () => {
    const options = load(2000);
    const document = await loadDocument(options.file, options);
    assert.deepEqual(document.refProblems, []);
    assert.deepEqual(document.resolveRef(document.root, '#/components/schemas/S1999/properties/next')?.value, { type: 'string' });
  });

  // The shared walk follows $refs recursively, as it must to give rules their ancestors; a chain this
  // deep is reported as an input error (exit 2), never a crash.
  test('2,000 links: lint reports a clear input error instead of crashing', async () => {
    const options = load(2000);
    const result = await lint(options.file, options);
    assert.deepEqual(result.errors.map((error) => error.toOneLine()), ['chain-2000.json: the document nests $refs or values too deeply to analyse [RAMPART_INPUT_TOO_LARGE]']);
  });

  test('200 links: lint works', async () => {
    const options = load(200);
    const result = await lint(options.file, options);
    assert.deepEqual(result.errors, []);
  });

  test('2,000 links: resolved() gives a result, not a RangeError', async () => {
    const options = load(2000);
    const document = await loadDocument(options.file, options);
    assert.doesNotThrow(() => document.resolved());
  });
});
