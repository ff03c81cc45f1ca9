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

  // Known failures, kept visible: both recurse once per level and overflow the stack.
  test('2,000 links: lint neither throws nor crashes (lint/walk.ts recurses per level)', { todo: 'walkDocument overflows the stack: RangeError from lint()' }, async () => {
    const options = load(2000);
    const result = await lint(options.file, options);
    assert.deepEqual(result.errors, []);
  });

  test('2,000 links: resolved() gives a result or a RampartError, not a RangeError', { todo: 'ApiDocument.resolved() recurses per level' }, async () => {
    const options = load(2000);
    const document = await loadDocument(options.file, options);
    assert.doesNotThrow(() => document.resolved());
  });
});
