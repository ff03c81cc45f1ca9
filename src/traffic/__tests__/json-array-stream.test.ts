import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonArrayStream, JsonStreamError } from '../json-array-stream.js';

/** Feeds `text` in chunks of `size` characters; returns the parsed elements. */
function extract(text: string, size: number): unknown[] {
  const stream = new JsonArrayStream({ path: ['log', 'entries'] });
  const out: unknown[] = [];
  for (let k = 0; k < text.length; k += size) for (const element of stream.push(text.slice(k, k + size))) out.push(JSON.parse(element));
  stream.end();
  return out;
}

const har = JSON.stringify({
  log: {
    version: '1.2',
    pages: [{ entries: [{ decoy: true }] }],
    entries: [{ a: 1, s: 'brace } and ] in "string" \\ with escapes \u00e9' }, { b: { nested: [1, { c: '{' }] } }, { k: 'entries' }],
    after: { entries: [{ no: 1 }] },
  },
});

describe('JsonArrayStream', () => {
  for (const size of [1, 2, 3, 7, 64, 100_000]) {
    it(`extracts log.entries only, chunks of ${size}`, () => {
      assert.deepEqual(extract(har, size), [{ a: 1, s: 'brace } and ] in "string" \\ with escapes é' }, { b: { nested: [1, { c: '{' }] } }, { k: 'entries' }]);
    });
  }
  it('key order does not matter and escaped keys are decoded', () => {
    assert.deepEqual(extract('{"other":1,"l\\u006fg":{"creator":{},"entries":[{"x":1}]}}', 5), [{ x: 1 }]);
  });
  it('a truncated file yields the complete elements, then a clear error', () => {
    const stream = new JsonArrayStream({ path: ['log', 'entries'] });
    const elements = stream.push('{"log":{"entries":[{"a":1},{"b":2},{"c":');
    assert.deepEqual(elements.map((text) => JSON.parse(text)), [{ a: 1 }, { b: 2 }]);
    assert.throws(() => stream.end(), (error: unknown) => error instanceof JsonStreamError && /truncated\) after 2 complete elements/.test(error.message));
  });
  it('no entries array is an error', () => {
    const stream = new JsonArrayStream({ path: ['log', 'entries'] });
    stream.push('{"log":{}}');
    assert.throws(() => stream.end(), /no "log.entries" array/);
  });
  it('mismatched brackets are an error with an offset', () => {
    const stream = new JsonArrayStream({ path: ['log', 'entries'] });
    assert.throws(() => stream.push('{"log":{"entries":[}]}'), (error: unknown) => error instanceof JsonStreamError && error.offset === 19);
  });
  it('elements over the size bound are skipped and counted', () => {
    const stream = new JsonArrayStream({ path: ['log', 'entries'], maxElementLength: 20 });
    const big = JSON.stringify({ log: { entries: [{ a: 1 }, { text: 'x'.repeat(100) }, { b: 2 }] } });
    const out: string[] = [];
    for (let k = 0; k < big.length; k += 16) out.push(...stream.push(big.slice(k, k + 16)));
    stream.end();
    assert.deepEqual(out.map((text) => JSON.parse(text)), [{ a: 1 }, { b: 2 }]);
    assert.equal(stream.oversized, 1);
  });
});

describe('JsonArrayStream escapes across chunk borders', () => {
  const tricky = ['\\', '\\\\', '"', '\\"', 'a\\\\"b', '\\\\\\"', '{"k":"v"}', 'end\\'];
  const text = JSON.stringify({ log: { entries: tricky.map((value) => ({ value, body: JSON.stringify({ nested: value }) })) } });
  for (const size of [1, 2, 3, 4, 5, 6, 7, 11, 13]) {
    it(`every split of backslash runs, chunks of ${size}`, () => {
      assert.deepEqual(extract(text, size), tricky.map((value) => ({ value, body: JSON.stringify({ nested: value }) })));
    });
  }
});
