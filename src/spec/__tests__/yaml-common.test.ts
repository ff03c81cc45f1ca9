import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { constructFromEvents, dump, parseEvents } from 'js-yaml';
import type { NodeIndex } from '../node-index.js';
import { parseCommonYaml } from '../yaml-common.js';
import { indexYamlEvents } from '../yaml-index.js';

/**
 * The one-pass parser is a fast path: wherever it answers, it must answer exactly what js-yaml's
 * events give (the same value, the same position index); everywhere else it must give up.
 */
function reference(text: string): { value: unknown; index: NodeIndex } | undefined {
  try {
    const events = parseEvents(text, { maxDepth: 1000 });
    return { value: constructFromEvents(events, { source: text })[0], index: indexYamlEvents(text, events).index };
  } catch {
    return undefined;
  }
}

function indexArrays(index: NodeIndex): number[][] {
  const fields = index as unknown as Record<string, ArrayLike<number>>;
  return ['kinds', 'styles', 'starts', 'ends', 'nexts'].map((name) => Array.from(fields[name]!));
}

/** undefined: gave up; otherwise asserts agreement with js-yaml and returns the value. */
function agree(text: string): unknown {
  const fast = parseCommonYaml(text, 1000);
  if (!fast) return undefined;
  const expected = reference(text);
  assert.ok(expected, `accepted text js-yaml rejects: ${JSON.stringify(text)}`);
  assert.deepEqual(fast.value, expected.value, `value of ${JSON.stringify(text)}`);
  assert.equal(JSON.stringify(fast.value), JSON.stringify(expected.value), `key order of ${JSON.stringify(text)}`);
  assert.deepEqual(indexArrays(fast.index), indexArrays(expected.index), `positions of ${JSON.stringify(text)}`);
  return fast.value;
}

describe('common-subset YAML parser: reads what API descriptions use, exactly as js-yaml does', () => {
  const readable: Array<[string, string, unknown]> = [
    ['block mapping', 'openapi: 3.0.0\ninfo:\n  title: A\n  version: "1"\n', { openapi: '3.0.0', info: { title: 'A', version: '1' } }],
    ['core-schema scalars', 'a: 1\nb: -2.5\nc: true\nd: ~\ne: null\nf: 0x1F\ng: 0o17\nh: .inf\ni: 012\nj: 2020-09-14\nk: yes\n', { a: 1, b: -2.5, c: true, d: null, e: null, f: 31, g: 15, h: Infinity, i: 12, j: '2020-09-14', k: 'yes' }],
    ['numeric and boolean keys become strings', '200:\n  description: OK\ntrue: x\n1.0: y\n', { 200: { description: 'OK' }, true: 'x', 1: 'y' }],
    ['block and indentless sequences', 'a:\n  - x\n  - y\nb:\n- 1\n- 2\n', { a: ['x', 'y'], b: [1, 2] }],
    ['compact mappings and nested sequences in items', 'p:\n  - name: id\n    in: path\n  - - a\n    - b\n', { p: [{ name: 'id', in: 'path' }, ['a', 'b']] }],
    ['empty values', 'a:\nb: ~\nc:   # note\n  -\n  - \nd: x\n', { a: null, b: null, c: [null, null], d: 'x' }],
    ['comments and blank lines everywhere', '# head\n\na: 1 # trailing\n\n  # indented\nb: 2\n', { a: 1, b: 2 }],
    ['document start marker', '# c\n---\na: 1\n', { a: 1 }],
    ['quoted keys and values with escapes', '"a b": \'it\'\'s\'\n\'/x~1\': "tab\\there \\u00e9 \\x41 \\U0001F600 \\"q\\""\n', { 'a b': "it's", '/x~1': 'tab\there é A 😀 "q"' }],
    ['multi-line plain scalars fold', 'a: one\n  two\n\n  three\n  - four\nb: x\n', { a: 'one two\nthree - four', b: 'x' }],
    ['multi-line quoted scalars fold', 'a: "one   \n  two\n\n  three\\\n  four"\nb: \'x\n  y\'\n', { a: 'one two\nthreefour', b: 'x y' }],
    ['literal block scalars and chomping', 'a: |\n  x\n   y\n\nb: |-\n  x\nc: |+\n  x\n\nd: 1\n', { a: 'x\n y\n', b: 'x', c: 'x\n\n', d: 1 }],
    ['folded block scalars', 'a: >\n  one\n  two\n\n  three\n    indented\n  four\nb: >-\n  x\n', { a: 'one two\nthree\n  indented\nfour\n', b: 'x' }],
    ['block scalar with an indentation indicator', 'a:\n  b: |2-\n\n      x\n  c: 1\n', { a: { b: '\n  x', c: 1 } }],
    ['block scalar lines of spaces past the indentation are text', 'a: |\n  x\n    \n  y\n', { a: 'x\n  \ny\n' }],
    ['empty block scalars', 'a: |\n\nb: >-\nc: |+\n    \nd: 1\n', { a: '', b: '', c: '\n', d: 1 }],
    ['flow collections', 'a: [x, "y", 1, {k: v, "q": [2]}]\nb: {}\nc: []\nd:\n  [\n    1,\n    2\n  ]\n', { a: ['x', 'y', 1, { k: 'v', q: [2] }], b: {}, c: [], d: [1, 2] }],
    ['URLs and colons inside plain scalars', 'a: http://x.test/a:b\nb: a:b\n', { a: 'http://x.test/a:b', b: 'a:b' }],
    ['CRLF line breaks', 'a: 1\r\nb:\r\n  - x\r\nc: |\r\n  t\r\n', { a: 1, b: ['x'], c: 't\n' }],
    ['text ending without a line break, spaces after a block scalar', 'a: |-\n  x\n  ', { a: 'x' }],
    ['a scalar document (the loader then says it is not an object)', 'just text\n', 'just text'],
  ];
  for (const [name, text, value] of readable) {
    test(`reads: ${name}`, () => {
      assert.deepEqual(agree(text), value);
    });
  }

  const outside: Array<[string, string]> = [
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['merge keys', 'a: {x: 1}\nb:\n  <<: {y: 2}\n'],
    ['explicit keys', '? a\n: 1\n'],
    ['directives', '%YAML 1.2\n---\na: 1\n'],
    ['several documents', 'a: 1\n---\nb: 2\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['__proto__ keys', '__proto__: 1\n'],
    ['tabs', 'a:\t1\n'],
    ['a trailing comma in a flow collection', 'a: [1, 2,]\n'],
    ['a key in a value', 'a: b: c\n'],
    ['bad indentation', 'a: 1\n  b: 2\n'],
    ['an unclosed quote', 'a: "x\n'],
    ['an unclosed flow collection', 'a: [1, 2\n'],
    ['an unknown escape', 'a: "\\q"\n'],
    ['control characters', 'a: "\u0001"\n'],
    ['a lone surrogate', 'a: "\uD800"\n'],
    ['nesting past the limit', Array.from({ length: 1005 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n'],
  ];
  for (const [name, text] of outside) {
    test(`gives up (js-yaml parses or words the error): ${name}`, () => {
      assert.equal(parseCommonYaml(text, 1000), undefined);
    });
  }

  test('any document js-yaml writes (block, flow, quoting, folding) reads back identically or is left to js-yaml', () => {
    const key = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('type', '200', 'x-a', 'a b', 'true', '1.0', '~', '<<', 'null'));
    const scalar = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', ' ', 'a: b', 'x #y', '- z', '[a]', 'line\nbreak', 'trail \n\n lead', '  indented\nx', 'é😀', '\t', '"\'', '\\'),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    })).map;
    const style = fc.record({
      flowLevel: fc.constantFrom(-1, 0, 1, 2),
      lineWidth: fc.constantFrom(10, 40, 80, -1),
      indent: fc.constantFrom(2, 4),
      quoteStyle: fc.constantFrom('single' as const, 'double' as const),
      forceQuotes: fc.boolean(),
      seqNoIndent: fc.boolean(),
    });
    fc.assert(
      fc.property(tree, style, (value, options) => {
        agree(dump(value, options));
      }),
      { numRuns: 600 },
    );
  });

  test('the documents js-yaml writes in block style from everyday text are read without giving up', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_./-]{0,10}$/);
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, word, fc.integer(), fc.boolean(), tie('list'), tie('map')),
      list: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
      map: fc.dictionary(word, tie('node'), { minKeys: 1, maxKeys: 4 }),
    })).map;
    fc.assert(
      fc.property(tree, fc.constantFrom(2, 4), fc.boolean(), (value, indent, seqNoIndent) => {
        const text = dump(value, { indent, seqNoIndent });
        assert.notEqual(agree(text), undefined, `gave up on ${JSON.stringify(text)}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('common-subset YAML parser on the corpus', () => {
  const corpus = path.resolve(import.meta.dirname, '../../../../shared/corpus');
  const files: string[] = [];
  const collect = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) collect(full);
      else if (/\.ya?ml$/.test(name)) files.push(full);
    }
  };
  if (existsSync(corpus)) collect(corpus);

  test('every YAML file of the corpus reads exactly as js-yaml reads it, and almost none is left to js-yaml', { skip: files.length === 0 && 'corpus absent' }, () => {
    let gaveUp = 0;
    for (const file of files) if (agree(readFileSync(file, 'utf8')) === undefined) gaveUp++;
    // Two DigitalOcean files use what the fast path leaves alone (a trailing comma in a flow list, a tab).
    assert.ok(gaveUp <= 2, `${gaveUp} of ${files.length} files left to js-yaml`);
  });
});
