import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSource } from '../source.js';
import { formatRange, textAt } from './text-at.js';

/** [pointer, expected range, expected text under it, options] */
type Case = [pointer: string, range: string, text: string, options?: { key?: boolean; keyLine?: boolean }];

interface Table {
  name: string;
  yaml: string;
  cases: Case[];
}

const tables: Table[] = [
  {
    name: 'block mappings and sequences',
    yaml: 'openapi: 3.0.3\npaths:\n  /users:\n    get:\n      tags:\n        - users\n        - admin\n',
    cases: [
      ['', '1:1-7:16', 'openapi: 3.0.3\npaths:\n  /users:\n    get:\n      tags:\n        - users\n        - admin'],
      ['/openapi', '1:10-1:15', '3.0.3'],
      ['/openapi', '1:1-1:8', 'openapi', { key: true }],
      ['/paths/~1users', '4:5-7:16', 'get:\n      tags:\n        - users\n        - admin'],
      ['/paths/~1users', '3:3-3:9', '/users', { key: true }],
      ['/paths/~1users/get/tags', '6:9-7:16', '- users\n        - admin'],
      ['/paths/~1users/get/tags/1', '7:11-7:16', 'admin'],
      // An array item has no key: asking for the key gives the item itself.
      ['/paths/~1users/get/tags/1', '7:11-7:16', 'admin', { key: true }],
    ],
  },
  {
    name: 'flow collections',
    yaml: 'info: {title: Pets, version: "1.0"}\nlist: [a, {b: 2}, [c]]\nempty: &E { }\nnested:\n  in: [1, [2] ]\n',
    cases: [
      ['/list', '2:7-2:23', '[a, {b: 2}, [c]]'],
      ['/empty', '3:8-3:14', '&E { }'],
      ['/nested', '5:3-5:16', 'in: [1, [2] ]'],
      ['/nested/in/1', '5:11-5:14', '[2]'],
      ['/info', '1:7-1:36', '{title: Pets, version: "1.0"}'],
      ['/info/title', '1:15-1:19', 'Pets'],
      ['/info/version', '1:30-1:35', '"1.0"'],
      ['/info/version', '1:21-1:28', 'version', { key: true }],
      ['/list/1', '2:11-2:17', '{b: 2}'],
      ['/list/1/b', '2:15-2:16', '2'],
      ['/list/2/0', '2:20-2:21', 'c'],
    ],
  },
  {
    name: 'quoted keys, including keys that need pointer escapes',
    yaml: '"a/b": 1\n\'c~d\': two\n"say \\"hi\\"": 3\n\'it\'\'s\': 4\n"\\u00e9t\\u00e9": 5\n',
    cases: [
      ['/a~1b', '1:8-1:9', '1'],
      ['/a~1b', '1:1-1:6', '"a/b"', { key: true }],
      ['/c~0d', '2:8-2:11', 'two'],
      ['/c~0d', '2:1-2:6', "'c~d'", { key: true }],
      ['/say "hi"', '3:15-3:16', '3'],
      ['/say "hi"', '3:1-3:13', '"say \\"hi\\""', { key: true }],
      ["/it's", '4:10-4:11', '4'],
      ["/it's", '4:1-4:8', "'it''s'", { key: true }],
      ['/été', '5:18-5:19', '5'],
    ],
  },
  {
    name: 'multi-line strings',
    yaml: 'a: |\n  line1\n  line2\nb: >-\n  folded\n  text\nc: "double\n  quoted"\nd: plain\n  continued\ne: x\n',
    cases: [
      ['/a', '1:4-4:1', '|\n  line1\n  line2\n'],
      ['/b', '4:4-7:1', '>-\n  folded\n  text\n'],
      ['/b', '4:1-4:2', 'b', { key: true }],
      ['/c', '7:4-8:10', '"double\n  quoted"'],
      ['/d', '9:4-10:12', 'plain\n  continued'],
      ['/e', '11:4-11:5', 'x'],
    ],
  },
  {
    name: 'block scalar headers with indentation indicators and comments',
    yaml: 'a:\n  |+ # keep | the newline\n    kept\n\nb: >2\n   indented\n',
    cases: [
      ['/a', '2:3-5:1', '|+ # keep | the newline\n    kept\n\n'],
      ['/b', '5:4-7:1', '>2\n   indented\n'],
    ],
  },
  {
    // Found by the range property test: the header search used to stop at the `>` inside the key.
    name: 'block scalars whose quoted key holds a header-like ` >#` or ` | `',
    yaml: "- '? >#': |\n    a\n- \"x | y\": >- # z | w\n    b\n",
    cases: [
      ["/0/? >#", '1:11-3:1', '|\n    a\n'],
      ["/0/? >#", '1:3-1:9', "'? >#'", { key: true }],
      ['/1/x | y', '3:12-5:1', '>- # z | w\n    b\n'],
    ],
  },
  {
    name: 'anchors and aliases',
    yaml: 'base: &B\n  x: 1\nuse: *B\nlist:\n  - &S hello\n  - *S\n',
    cases: [
      ['/base', '1:7-2:7', '&B\n  x: 1'],
      ['/base/x', '2:6-2:7', '1'],
      ['/use', '3:6-3:8', '*B'],
      // Inside an alias the text lives at the anchor; the alias use is the nearest place in this file.
      ['/use/x', '3:1-3:8', 'use: *B'],
      // An anchored collection starts at its anchor; an anchored scalar is just its value.
      ['/list/0', '5:8-5:13', 'hello'],
      ['/list/1', '6:5-6:7', '*S'],
    ],
  },
  {
    name: 'comments everywhere',
    yaml: '# header\na: 1 # trailing\n# between\nb:\n  # inside\n  c: [1, # in flow\n    2]\n',
    cases: [
      ['/a', '2:4-2:5', '1'],
      ['/b', '6:3-7:7', 'c: [1, # in flow\n    2]'],
      ['/b/c', '6:6-7:7', '[1, # in flow\n    2]'],
      ['/b/c/1', '7:5-7:6', '2'],
    ],
  },
  {
    name: 'on the key line (Spectral\'s places): a block value from its key, the document from the first byte',
    yaml: '# Licence header\n\nopenapi: 3.0.3\ninfo:\n  title: t\n',
    cases: [
      ['', '3:1-5:11', 'openapi: 3.0.3\ninfo:\n  title: t'],
      ['', '1:1-5:11', '# Licence header\n\nopenapi: 3.0.3\ninfo:\n  title: t', { keyLine: true }],
      ['/info', '5:3-5:11', 'title: t'],
      ['/info', '4:1-5:11', 'info:\n  title: t', { keyLine: true }],
      // A value on its key's line keeps its own start.
      ['/openapi', '3:10-3:15', '3.0.3', { keyLine: true }],
      ['/info/title', '5:10-5:11', 't', { keyLine: true }],
    ],
  },
  {
    name: 'on the key line, after a `---` marker the document starts at its content',
    yaml: '# Licence header\n---\nopenapi: 3.0.3\n',
    cases: [['', '3:1-3:15', 'openapi: 3.0.3', { keyLine: true }]],
  },
  {
    name: 'pointers that do not exist fall back to the nearest ancestor',
    yaml: 'a:\n  b: 1\n',
    cases: [
      ['/a/missing', '1:1-2:7', 'a:\n  b: 1'],
      ['/missing', '1:1-2:7', 'a:\n  b: 1'],
      ['not a pointer', '1:1-2:7', 'a:\n  b: 1'],
    ],
  },
  {
    name: 'non-ASCII text before a key (columns count UTF-16 code units)',
    yaml: 'summary: "naïve 😀"\nnext: 1\ninline: {"😀": 2}\n',
    cases: [
      ['/summary', '1:10-1:20', '"naïve 😀"'],
      ['/next', '2:7-2:8', '1'],
      ['/inline/😀', '3:16-3:17', '2'],
    ],
  },
];

describe('Source.range on YAML', () => {
  for (const table of tables) {
    test(table.name, () => {
      const source = parseSource('/virtual/doc.yaml', 'doc.yaml', table.yaml);
      for (const [pointer, expected, text, options] of table.cases) {
        const range = source.range(pointer, options);
        const label = `${pointer}${options?.key ? ' (key)' : ''}`;
        assert.equal(formatRange(range), expected, label);
        assert.equal(textAt(table.yaml, range), text, label);
      }
    });
  }

  test('CRLF line ends give the same lines and columns as LF', () => {
    for (const table of tables) {
      const crlf = table.yaml.replace(/\n/g, '\r\n');
      const lf = parseSource('/virtual/lf.yaml', 'lf.yaml', table.yaml);
      const source = parseSource('/virtual/crlf.yaml', 'crlf.yaml', crlf);
      assert.deepEqual(source.value, lf.value, table.name);
      for (const [pointer, , , options] of table.cases) {
        const expected = lf.range(pointer, options);
        const range = source.range(pointer, options);
        // The start is identical; an end that sits after a line break moves by the CR.
        assert.deepEqual([range.line, range.column], [expected.line, expected.column], `${table.name} ${pointer}`);
        assert.equal(range.endLine, expected.endLine, `${table.name} ${pointer}`);
        assert.equal(textAt(crlf, range).replace(/\r\n/g, '\n').replace(/\r$/, ''), textAt(table.yaml, expected), `${table.name} ${pointer}`);
      }
    }
  });
});
