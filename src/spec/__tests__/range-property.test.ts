import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { dump, load } from 'js-yaml';
import { joinPointer } from '../pointer.js';
import { parseSource, type Source, type SourceRange } from '../source.js';
import { lineStarts } from './text-at.js';

/** Every node of a JSON value with its pointer, parents before children. */
function* nodes(value: unknown, pointer = ''): Generator<{ pointer: string; value: unknown; key?: string }> {
  yield { pointer, value };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* nodes(value[i], joinPointer(pointer, i));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const node of nodes(child, joinPointer(pointer, key))) yield node.pointer === joinPointer(pointer, key) ? { ...node, key } : node;
    }
  }
}

/**
 * Checks that, for every pointer, the value range holds exactly that node's text (it parses back to
 * the node) and the key range exactly the key, and that ranges nest inside their parent's.
 */
function assertRangesLand(source: Source, reparse: (text: string) => unknown) {
  const starts = lineStarts(source.text);
  const offsets = (range: SourceRange) => [starts[range.line - 1]! + range.column - 1, starts[range.endLine - 1]! + range.endColumn - 1] as const;
  const spans = new Map<string, readonly [number, number]>();
  for (const node of nodes(source.value)) {
    const [from, to] = offsets(source.range(node.pointer));
    // A value's text, indented back to its column so that block YAML parses on its own.
    const column = from - starts[source.range(node.pointer).line - 1]!;
    const valueText = source.text.slice(from, to);
    const keyRange = node.key === undefined ? undefined : source.range(node.pointer, { key: true });
    let reparsed: unknown;
    if (/^[|>]/.test(valueText)) {
      // A block scalar's indentation indicator counts from its parent's indentation: re-create the parent.
      const parentColumn = source.range(node.pointer.slice(0, node.pointer.lastIndexOf('/'))).column;
      reparsed = keyRange
        ? (reparse(`${' '.repeat(parentColumn - 1)}k: ${valueText}`) as { k: unknown }).k
        : (reparse(`${' '.repeat(column - 2)}- ${valueText}`) as unknown[])[0];
    } else {
      reparsed = reparse(' '.repeat(column) + valueText);
    }
    assert.deepEqual(reparsed, node.value, `value at ${node.pointer}: ${JSON.stringify(valueText)}`);
    if (keyRange) {
      const [keyFrom, keyTo] = offsets(keyRange);
      assert.equal(String(reparse(source.text.slice(keyFrom, keyTo))), node.key, `key at ${node.pointer}`);
      assert.ok(keyTo <= from, `key before value at ${node.pointer}`);
    }
    const parent = node.pointer.slice(0, node.pointer.lastIndexOf('/'));
    const outer = spans.get(parent);
    if (node.pointer !== '' && outer) assert.ok(outer[0] <= from && to <= outer[1], `${node.pointer} inside ${parent || 'the root'}`);
    spans.set(node.pointer, [from, to]);
  }
}

/** Strings that stress quoting: YAML indicators, pointer escapes, line breaks, non-ASCII. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc
    .array(fc.constantFrom('a', 'b', ' ', '\n', '#', ':', '- ', '"', "'", '|', '>', '{', '}', '[', ']', ',', '~', '/', '%25', '\\', '\t', 'é', '😀', '&x', '*', '!', '? '), { maxLength: 12 })
    .map((parts) => parts.join('')),
);
const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    text,
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(text, tie('json'), { maxKeys: 4 }),
  ),
}));
const documents = fc.dictionary(text, json, { maxKeys: 6 });

test('JSON: Source.range lands on the text of every key and value (pretty and minified)', () => {
  fc.assert(
    fc.property(documents, fc.constantFrom(0, 2, '\t'), (value, indent) => {
      const text = JSON.stringify(value, null, indent);
      const source = parseSource('/virtual/doc.json', 'doc.json', text);
      assert.deepEqual(source.value, JSON.parse(text));
      assertRangesLand(source, (slice) => JSON.parse(slice));
    }),
    { numRuns: 300 },
  );
});

test('YAML (js-yaml dump): Source.range lands on the text of every key and value', () => {
  fc.assert(
    fc.property(documents, fc.boolean(), (value, flow) => {
      const text = dump(value, flow ? { flowLevel: 1 } : {});
      const source = parseSource('/virtual/doc.yaml', 'doc.yaml', text);
      assertRangesLand(source, (slice) => load(slice));
    }),
    { numRuns: 300 },
  );
});

/** Which mapping a merged key comes from, by YAML 1.1 precedence: explicit, then each source in list order. */
function owner(key: string, explicit: object, sources: object[]): number {
  if (Object.hasOwn(explicit, key)) return -1;
  return sources.findIndex((source) => Object.hasOwn(source, key));
}

test('YAML merge keys: the value follows YAML 1.1 precedence and every merged key lands on its anchored text', () => {
  const mapping = fc.dictionary(fc.stringMatching(/^[a-d]{1,2}$/), json, { maxKeys: 4 });
  fc.assert(
    fc.property(fc.array(mapping, { minLength: 1, maxLength: 3 }), mapping, fc.boolean(), (sources, explicit, block) => {
      const flow = (value: object) => dump(value, { flowLevel: 0 }).trimEnd();
      const anchors = sources.map((source, i) => `s${i}: &s${i} ${flow(source)}`);
      const list = sources.length === 1 ? '*s0' : `[${sources.map((_, i) => `*s${i}`).join(', ')}]`;
      const use = block
        ? `use:\n  <<: ${list}\n${Object.keys(explicit).length ? dump(explicit, { flowLevel: 1 }).replace(/^/gm, '  ') : ''}`
        : `use: {<<: ${list}${Object.keys(explicit).length ? `, ${flow(explicit).slice(1, -1)}` : ''}}\n`;
      const text = `${anchors.join('\n')}\n${use}`;
      const source = parseSource('/virtual/doc.yaml', 'doc.yaml', text);
      // structuredClone gives fast-check's null-prototype dictionaries the prototype parsed values have.
      const expected = structuredClone(Object.assign({}, ...[...sources].reverse(), explicit)) as Record<string, unknown>;
      assert.deepEqual((source.value as { use: unknown }).use, expected, text);
      const starts = lineStarts(text);
      const offset = (line: number, column: number) => starts[line - 1]! + column - 1;
      const useStart = offset(source.range('/use').line, source.range('/use').column);
      for (const key of Object.keys(expected)) {
        const range = source.range(`/use/${key}`);
        const from = offset(range.line, range.column);
        const to = offset(range.endLine, range.endColumn);
        const ownerIndex = owner(key, explicit, sources);
        const span = ownerIndex < 0 ? [useStart, text.length] : [offset(source.range(`/s${ownerIndex}`).line, source.range(`/s${ownerIndex}`).column), offset(source.range(`/s${ownerIndex}`).endLine, source.range(`/s${ownerIndex}`).endColumn)];
        assert.ok(span[0]! <= from && to <= span[1]!, `/use/${key} in ${ownerIndex < 0 ? 'use' : `s${ownerIndex}`}:\n${text}`);
        const column = from - starts[range.line - 1]!;
        const valueText = text.slice(from, to);
        // A block scalar's indentation indicator counts from its mapping's indentation: re-create the mapping.
        const reparsed = /^[|>]/.test(valueText)
          ? (load(`${' '.repeat(source.range('/use').column - 1)}k: ${valueText}`) as { k: unknown }).k
          : load(' '.repeat(column) + valueText);
        assert.deepEqual(reparsed, expected[key], `/use/${key}`);
        const keyRange = source.range(`/use/${key}`, { key: true });
        assert.equal(String(load(text.slice(offset(keyRange.line, keyRange.column), offset(keyRange.endLine, keyRange.endColumn)))), key);
      }
    }),
    { numRuns: 300 },
  );
});
