import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ByteSink } from '../byte-sink.js';

function collect(size: number, reuse: boolean, pieces: string[]): { text: string; flushes: number } {
  const chunks: Buffer[] = [];
  const sink = new ByteSink((bytes) => chunks.push(Buffer.from(bytes)), size, reuse);
  for (const piece of pieces) sink.write(piece);
  sink.end();
  return { text: Buffer.concat(chunks).toString('utf8'), flushes: chunks.length };
}

const cases: Array<{ name: string; size: number; pieces: string[]; flushes: number }> = [
  { name: 'nothing written, nothing flushed', size: 16, pieces: [], flushes: 0 },
  { name: 'small pieces share one flush', size: 64, pieces: ['{', '"a"', ':', '1', '}'], flushes: 1 },
  { name: 'a full buffer is flushed before the next piece', size: 12, pieces: ['abcd', 'efgh', 'ijkl'], flushes: 3 },
  { name: 'a piece larger than the buffer goes out on its own', size: 8, pieces: ['ab', 'x'.repeat(50), 'cd'], flushes: 3 },
  { name: 'multi-byte characters are encoded, never split', size: 6, pieces: ['é', '€', '😀', 'ü'], flushes: 3 },
];

for (const { name, size, pieces, flushes } of cases) {
  for (const reuse of [true, false]) {
    test(`ByteSink: ${name} (reuse ${reuse})`, () => {
      const result = collect(size, reuse, pieces);
      assert.equal(result.text, pieces.join(''));
      assert.equal(result.flushes, flushes);
    });
  }
}

test('ByteSink without reuse hands every flush a buffer of its own', () => {
  const seen: Uint8Array[] = [];
  const sink = new ByteSink((bytes) => seen.push(bytes), 8, false);
  for (const piece of ['ab', 'cd', 'ef']) sink.write(piece);
  sink.end();
  assert.deepEqual(seen.map((bytes) => Buffer.from(bytes).toString()), ['abcd', 'ef']);
  assert.notEqual(seen[0]!.buffer, seen[1]!.buffer);
});
