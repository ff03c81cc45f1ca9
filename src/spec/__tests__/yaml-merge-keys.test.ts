import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_MERGED_KEYS, parseSource } from '../source.js';
import { expectRampartError } from './expect-error.js';
import { formatRange, textAt } from './text-at.js';

const parse = (yaml: string) => parseSource('/virtual/doc.yaml', 'doc.yaml', yaml);

/** YAML 1.1 merge keys (`<<`), which Spectral and Redocly accept and real descriptions use. */
describe('YAML merge keys: values', () => {
  const cases: [name: string, yaml: string, value: unknown][] = [
    ['one source', 'base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  z: 3\n', { base: { x: 1, y: 2 }, use: { x: 1, y: 2, z: 3 } }],
    ['an explicit key wins over a merged one, written after the merge', 'base: &b {x: 1, y: 2}\nuse: {<<: *b, x: 9}\n', { base: { x: 1, y: 2 }, use: { x: 9, y: 2 } }],
    ['an explicit key wins over a merged one, written before the merge', 'base: &b {x: 1, y: 2}\nuse:\n  x: 9\n  <<: *b\n', { base: { x: 1, y: 2 }, use: { x: 9, y: 2 } }],
    ['in a list, earlier sources win over later ones', 'a: &a {x: 1}\nc: &c {x: 2, z: 3}\nuse: {<<: [*a, *c]}\n', { a: { x: 1 }, c: { x: 2, z: 3 }, use: { x: 1, z: 3 } }],
    ['several << keys: the first wins', 'a: &a {x: 1}\nc: &c {x: 2, z: 3}\nuse: {<<: *a, <<: *c}\n', { a: { x: 1 }, c: { x: 2, z: 3 }, use: { x: 1, z: 3 } }],
    ['an inline mapping as the source', 'use: {<<: {x: 1}, y: 2}\n', { use: { x: 1, y: 2 } }],
    ['a source that merges in turn', 'a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nuse: {<<: *b}\n', { a: { x: 1 }, b: { x: 1, y: 2 }, use: { x: 1, y: 2 } }],
    ['a merge into its own anchor sees it still empty (no loop)', 'a: &a {<<: *a, q: 1}\n', { a: { q: 1 } }],
    ['a quoted "<<" is an ordinary key', 'a: {"<<": 1}\n', { a: { '<<': 1 } }],
    ['"<<" as a value is a string', 'description: <<\nlist: [<<]\n', { description: '<<', list: ['<<'] }],
  ];
  for (const [name, yaml, value] of cases) test(name, () => assert.deepEqual(parse(yaml).value, value));
});

describe('YAML merge keys: positions point at the text of the anchored mapping', () => {
  const yaml = [
    'common: &common',
    '  description: Shared',
    '  deprecated: false',
    'extra: &extra',
    '  deprecated: true',
    '  summary: Extra',
    'get:',
    '  <<: [*common, *extra]',
    '  deprecated: true',
    'put: {<<: *common, nested: {<<: *extra}}',
    'post:',
    '  <<: {inline: 1}',
    '',
  ].join('\n');
  const cases: [pointer: string, range: string, text: string, options?: { key?: boolean }][] = [
    ['/get/description', '2:16-2:22', 'Shared'],
    ['/get/description', '2:3-2:14', 'description', { key: true }],
    // Explicit beats merged; the first source in the list beats the later one.
    ['/get/deprecated', '9:15-9:19', 'true'],
    ['/get/summary', '6:12-6:17', 'Extra'],
    ['/put/description', '2:16-2:22', 'Shared'],
    ['/put/nested/summary', '6:12-6:17', 'Extra'],
    ['/post/inline', '12:16-12:17', '1'],
    // A key that neither the mapping nor its sources have falls back to the mapping.
    ['/get/missing', '7:1-9:19', 'get:\n  <<: [*common, *extra]\n  deprecated: true'],
  ];
  const source = parse(yaml);
  for (const [pointer, expected, text, options] of cases) {
    test(`${pointer}${options?.key ? ' (key)' : ''}`, () => {
      const range = source.range(pointer, options);
      assert.equal(formatRange(range), expected);
      assert.equal(textAt(yaml, range), text);
    });
  }

  test('a merge loop through aliases ends', () => {
    const loop = parse('a: &a\n  <<: *a\n  q: 1\n');
    assert.equal(formatRange(loop.range('/a/nothing')), '1:1-3:7');
  });
});

describe('YAML merge keys: duplicate keys', () => {
  const cases: [name: string, yaml: string, issues: { pointer: string; message: string }[]][] = [
    ['a key that overrides a merged one is no duplicate', 'a: &a {x: 1}\nb: {<<: *a, x: 2}\n', []],
    ['several << keys are no duplicate', 'a: &a {x: 1}\nb: {<<: *a, <<: {y: 1}}\n', []],
    ['a real duplicate next to a merge is still one', 'a: &a {x: 1}\nb: {<<: *a, y: 1, y: 2}\n', [{ pointer: '/b/y', message: 'Duplicate key "y": the last value wins.' }]],
  ];
  for (const [name, yaml, issues] of cases) {
    test(name, () => assert.deepEqual(parse(yaml).issues.map(({ pointer, message }) => ({ pointer, message })), issues));
  }
});

describe('YAML merge keys: hostile input', () => {
  const refused: [name: string, yaml: string, code: Parameters<typeof expectRampartError>[1], oneLine: string][] = [
    ['merge of a scalar', 'a: 1\nb: {<<: 3}\n', 'RAMPART_PARSE_FAILED', 'doc.yaml:2:5: invalid YAML: a merge key (<<) takes a mapping or a list of mappings [RAMPART_PARSE_FAILED]'],
    ['merge of an anchored scalar', 'a: &a hello\nb:\n  <<: *a\n', 'RAMPART_PARSE_FAILED', 'doc.yaml:3:3: invalid YAML: a merge key (<<) takes a mapping or a list of mappings [RAMPART_PARSE_FAILED]'],
    ['merge of a sequence', 'a: &a [1, 2]\nb: {<<: *a}\n', 'RAMPART_PARSE_FAILED', 'doc.yaml:2:5: invalid YAML: a merge key (<<) takes a mapping or a list of mappings [RAMPART_PARSE_FAILED]'],
    ['a list holding a non-mapping', 'a: &a {x: 1}\nb: {<<: [*a, [1]]}\n', 'RAMPART_PARSE_FAILED', 'doc.yaml:2:5: invalid YAML: a merge key (<<) takes a mapping or a list of mappings [RAMPART_PARSE_FAILED]'],
    ['merge of an undefined alias', 'b: {<<: *nothing}\n', 'RAMPART_PARSE_FAILED', 'doc.yaml:1:10: invalid YAML: unidentified alias "nothing" [RAMPART_PARSE_FAILED]'],
  ];
  for (const [name, yaml, code, oneLine] of refused) test(name, async () => void (await expectRampartError(() => parse(yaml), code, oneLine)));

  test('an alias bomb through merges is refused by the expansion bound', async () => {
    const levels = ['l0: &l0 {a: [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]}'];
    for (let i = 1; i <= 9; i++) {
      const keys = Array.from({ length: 10 }, (_, k) => `k${k}: *l${i - 1}`).join(', ');
      levels.push(`l${i}: &l${i} {<<: *l${i - 1}, ${keys}}`);
    }
    levels.push('x: {<<: *l9}');
    await expectRampartError(() => parse(`${levels.join('\n')}\n`), 'RAMPART_INPUT_TOO_LARGE', 'doc.yaml: YAML aliases expand to more than 2000000 nodes (alias bomb) [RAMPART_INPUT_TOO_LARGE]');
  });

  test('a chain of merges that copies quadratically many keys stops at the merge bound', async () => {
    const chain = ['m0: &m0 {k0: 1}'];
    for (let i = 1; i <= 1000; i++) chain.push(`m${i}: &m${i} {<<: *m${i - 1}, k${i}: 1}`);
    await expectRampartError(() => parse(`${chain.join('\n')}\n`), 'RAMPART_INPUT_TOO_LARGE', new RegExp(`^doc\\.yaml:\\d+:\\d+: YAML merge keys \\(<<\\) copy more than ${MAX_MERGED_KEYS} keys \\(merge bomb\\) \\[RAMPART_INPUT_TOO_LARGE\\]$`));
  });

  test('many merges of a wide mapping (more than js-yaml\'s default 10,000 keys) load', () => {
    const wide = `a: &a {${Array.from({ length: 200 }, (_, i) => `k${i}: ${i}`).join(', ')}}`;
    const uses = Array.from({ length: 100 }, (_, i) => `b${i}: {<<: *a}`);
    const value = parse(`${wide}\n${uses.join('\n')}\n`).value as Record<string, Record<string, number>>;
    assert.equal(Object.keys(value).length, 101);
    assert.equal(value.b99!.k199, 199);
  });
});
