import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSource } from '../source.js';
import { formatRange, textAt } from './text-at.js';

/** [pointer, expected range, expected text under it, options] */
type Case = [pointer: string, range: string, text: string, options?: { key?: boolean }];

const pretty = `{
  "openapi": "3.1.0",
  "paths": {
    "/users/{id}": {
      "get": { "tags": ["a", "b"] }
    }
  },
  "esc\\"aped": {"a\\\\b": 1, "\\u00e9": 2, "tab\\t": 3},
  "emoji😀": [true, null, -1.5e3],
  "100%25": "percent signs are not URI escapes in a plain pointer",
  "~/": {}
}
`;

const prettyCases: Case[] = [
  ['', '1:1-12:2', pretty.trimEnd()],
  ['/openapi', '2:14-2:21', '"3.1.0"'],
  ['/openapi', '2:3-2:12', '"openapi"', { key: true }],
  ['/paths/~1users~1{id}', '4:20-6:6', '{\n      "get": { "tags": ["a", "b"] }\n    }'],
  ['/paths/~1users~1{id}', '4:5-4:18', '"/users/{id}"', { key: true }],
  ['/paths/~1users~1{id}/get/tags', '5:24-5:34', '["a", "b"]'],
  ['/paths/~1users~1{id}/get/tags/1', '5:30-5:33', '"b"'],
  ['/esc"aped', '8:16-8:52', '{"a\\\\b": 1, "\\u00e9": 2, "tab\\t": 3}'],
  ['/esc"aped', '8:3-8:14', '"esc\\"aped"', { key: true }],
  ['/esc"aped/a\\b', '8:25-8:26', '1'],
  ['/esc"aped/a\\b', '8:17-8:23', '"a\\\\b"', { key: true }],
  ['/esc"aped/é', '8:38-8:39', '2'],
  ['/esc"aped/tab\t', '8:50-8:51', '3'],
  ['/emoji😀/1', '9:21-9:25', 'null'],
  ['/emoji😀/2', '9:27-9:33', '-1.5e3'],
  ['/100%25', '10:13-10:67', '"percent signs are not URI escapes in a plain pointer"'],
  ['/~0~1', '11:9-11:11', '{}'],
  ['/~0~1', '11:3-11:7', '"~/"', { key: true }],
  ['/emoji😀/3', '9:3-9:34', '"emoji😀": [true, null, -1.5e3]'],
];

const minified = '{"a":{"b":[1,{"c":null}],"d":"x\\"y"},"u\\u00e9":true,"e":[],"f":{}}';
const minifiedCases: Case[] = [
  ['/a', '1:6-1:37', '{"b":[1,{"c":null}],"d":"x\\"y"}'],
  ['/a/b/1/c', '1:19-1:23', 'null'],
  ['/a/b/1/c', '1:15-1:18', '"c"', { key: true }],
  ['/a/d', '1:30-1:36', '"x\\"y"'],
  ['/ué', '1:48-1:52', 'true'],
  ['/ué', '1:38-1:47', '"u\\u00e9"', { key: true }],
  ['/e', '1:57-1:59', '[]'],
  ['/f', '1:64-1:66', '{}'],
];

describe('Source.range on JSON', () => {
  const tables: [string, string, Case[]][] = [
    ['pretty-printed, escaped keys, unicode', pretty, prettyCases],
    ['minified', minified, minifiedCases],
    ['pretty-printed with CRLF line ends', pretty.replace(/\n/g, '\r\n'), prettyCases.slice(1)],
  ];
  for (const [name, json, cases] of tables) {
    test(name, () => {
      const source = parseSource('/virtual/doc.json', 'doc.json', json);
      assert.equal(source.format, 'json');
      assert.deepEqual(source.issues, []);
      for (const [pointer, expected, text, options] of cases) {
        const range = source.range(pointer, options);
        const label = `${pointer}${options?.key ? ' (key)' : ''}`;
        assert.equal(formatRange(range), expected, label);
        assert.equal(textAt(json, range).replace(/\r\n/g, '\n'), text, label);
      }
    });
  }

  test('JSON content in a file without a .json name is still read as JSON', () => {
    const source = parseSource('/virtual/openapi', 'openapi', '  {"openapi": "3.0.0"}');
    assert.equal(source.format, 'json');
    assert.equal(formatRange(source.range('/openapi')), '1:15-1:22');
  });
});
