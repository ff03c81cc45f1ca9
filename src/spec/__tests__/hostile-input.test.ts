import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { lint } from '../../lint/lint.js';
import { loadDocument } from '../document.js';
import { parseSource } from '../source.js';
import { expectRampartError } from './expect-error.js';
import { TempTree } from './temp-tree.js';

const tree = new TempTree();
after(() => tree.remove());

/** CPU time (ms) that `run` costs this process: unlike wall time, it does not grow when other work shares the machine. */
async function cpuMs(run: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  await run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const API_HEAD = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\n";

/** Writes `content` as `name` and loads it; the error must be this exact one-line message. */
async function refuses(name: string, content: string | Uint8Array, code: Parameters<typeof expectRampartError>[1], oneLine: string | RegExp): Promise<void> {
  tree.write(name, content);
  await expectRampartError(() => loadDocument(name, { cwd: tree.dir }), code, oneLine);
}

describe('inputs that are not YAML or JSON text', () => {
  const cases: [name: string, content: string | Uint8Array, code: Parameters<typeof expectRampartError>[1], oneLine: string][] = [
    ['empty.yaml', '', 'RAMPART_PARSE_FAILED', 'empty.yaml:1:1: empty document [RAMPART_PARSE_FAILED]'],
    ['blank.yaml', ' \n\t\n  \r\n', 'RAMPART_PARSE_FAILED', 'blank.yaml:1:1: empty document [RAMPART_PARSE_FAILED]'],
    ['empty.json', '', 'RAMPART_PARSE_FAILED', 'empty.json:1:1: empty document [RAMPART_PARSE_FAILED]'],
    ['nul.yaml', `${API_HEAD}x: "a\u0000b"\n`, 'RAMPART_PARSE_FAILED', 'nul.yaml: binary file: expected YAML or JSON text [RAMPART_PARSE_FAILED]'],
    ['image.png.yaml', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'RAMPART_PARSE_FAILED', 'image.png.yaml: binary file: expected YAML or JSON text [RAMPART_PARSE_FAILED]'],
    ['latin1.yaml', Uint8Array.from([...Buffer.from(API_HEAD), ...Buffer.from('x: caf'), 0xe9, 0x0a]), 'RAMPART_PARSE_FAILED', 'latin1.yaml: file is not valid UTF-8 text [RAMPART_PARSE_FAILED]'],
    ['truncated-utf8.json', Uint8Array.from([...Buffer.from('{"openapi": "3.0.0", "x": "'), 0xe2, 0x82]), 'RAMPART_PARSE_FAILED', 'truncated-utf8.json: file is not valid UTF-8 text [RAMPART_PARSE_FAILED]'],
  ];
  for (const [name, content, code, oneLine] of cases) test(name, () => refuses(name, content, code, oneLine));

  test('a folder or a missing file', async () => {
    tree.write('folder/inside.yaml', API_HEAD);
    await expectRampartError(() => loadDocument('folder', { cwd: tree.dir }), 'RAMPART_FILE_NOT_FOUND', 'folder: is a directory, not a file [RAMPART_FILE_NOT_FOUND]');
    await expectRampartError(() => loadDocument('nowhere.yaml', { cwd: tree.dir }), 'RAMPART_FILE_NOT_FOUND', 'nowhere.yaml: no such file [RAMPART_FILE_NOT_FOUND]');
  });

  test('a byte order mark is skipped, and positions do not count it', async () => {
    tree.write('bom.yaml', Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(API_HEAD)]));
    tree.write('bom.json', Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('{"openapi": "3.1.0", "info": {}, "paths": {}}')]));
    const yaml = await loadDocument('bom.yaml', { cwd: tree.dir });
    assert.deepEqual([yaml.version.declared, yaml.root.range('/openapi').line, yaml.root.range('/openapi').column], ['3.0.3', 1, 10]);
    const json = await loadDocument('bom.json', { cwd: tree.dir });
    assert.deepEqual([json.version.declared, json.root.format, json.root.range('/openapi').column], ['3.1.0', 'json', 13]);
  });
});

describe('syntax errors give the exact line and column', () => {
  const cases: [name: string, text: string, oneLine: string][] = [
    ['truncated-object.json', '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/a": {', 'truncated-object.json:4:12: invalid JSON: Expected property name or \'}\' [RAMPART_PARSE_FAILED]'],
    ['truncated-array.json', '{\n  "a": [1,\n', 'truncated-array.json:3:1: invalid JSON: Unexpected end of JSON input [RAMPART_PARSE_FAILED]'],
    ['truncated-string.json', '{"openapi": "3.0', 'truncated-string.json:1:17: invalid JSON: Unterminated string [RAMPART_PARSE_FAILED]'],
    ['trailing-comma.json', '{\n  "openapi": "3.0.0",\n}\n', 'trailing-comma.json:3:1: invalid JSON: Expected double-quoted property name [RAMPART_PARSE_FAILED]'],
    ['unclosed-flow.yaml', 'openapi: 3.0.0\npaths: [1, 2\ninfo: {}\n', 'unclosed-flow.yaml:3:1: invalid YAML: deficient indentation [RAMPART_PARSE_FAILED]'],
    ['bad-indent.yaml', 'openapi: 3.0.0\ninfo:\n  title: t\n version: 1\n', 'bad-indent.yaml:4:2: invalid YAML: bad indentation of a mapping entry [RAMPART_PARSE_FAILED]'],
    ['tab-indent.yaml', 'openapi: 3.0.0\ninfo:\n\ttitle: t\n', 'tab-indent.yaml:3:1: invalid YAML: tab characters must not be used in indentation [RAMPART_PARSE_FAILED]'],
    ['unclosed-quote.yaml', 'openapi: "3.0.0\ninfo: {}\n', 'unclosed-quote.yaml:2:1: invalid YAML: deficient indentation [RAMPART_PARSE_FAILED]'],
    ['two-documents.yaml', `${API_HEAD}---\n${API_HEAD}`, 'two-documents.yaml: expected one YAML document, found 2 [RAMPART_PARSE_FAILED]'],
    ['undefined-alias.yaml', `${API_HEAD}x: *nothing\n`, 'undefined-alias.yaml:4:5: invalid YAML: unidentified alias "nothing" [RAMPART_PARSE_FAILED]'],
  ];
  for (const [name, text, oneLine] of cases) test(name, () => refuses(name, text, 'RAMPART_PARSE_FAILED', oneLine));
});

describe('documents that are not API descriptions', () => {
  const cases: [name: string, text: string, oneLine: string][] = [
    ['list.yaml', '- openapi: 3.0.0\n', 'list.yaml:1:1: expected an OpenAPI or Swagger object at the top level, found a list [RAMPART_NOT_AN_API]'],
    ['list.json', '[{"openapi": "3.0.0"}]', 'list.json:1:1: expected an OpenAPI or Swagger object at the top level, found a list [RAMPART_NOT_AN_API]'],
    ['string.yaml', 'just some text\n', 'string.yaml:1:1: expected an OpenAPI or Swagger object at the top level, found a string [RAMPART_NOT_AN_API]'],
    ['number.json', '42', 'number.json:1:1: expected an OpenAPI or Swagger object at the top level, found a number [RAMPART_NOT_AN_API]'],
    ['null.yaml', '~\n', 'null.yaml:1:1: expected an OpenAPI or Swagger object at the top level, found null [RAMPART_NOT_AN_API]'],
    ['comments-only.yaml', '# nothing here\n# at all\n', 'comments-only.yaml:1:1: expected an OpenAPI or Swagger object at the top level, found nothing [RAMPART_NOT_AN_API]'],
    ['config.yaml', 'name: my-service\nreplicas: 3\n', 'config.yaml:1:1: not an API description: no "openapi" or "swagger" field at the top level [RAMPART_NOT_AN_API]'],
  ];
  for (const [name, text, oneLine] of cases) test(name, () => refuses(name, text, 'RAMPART_NOT_AN_API', oneLine));
});

describe('duplicate keys', () => {
  test('JSON: every repeat is reported at the repeat, and the last value wins as in JSON.parse', () => {
    const text = '{\n  "openapi": "3.0.0",\n  "paths": {},\n  "openapi": "3.0.1",\n  "info": {"title": "a", "title": "b", "title": "c"}\n}\n';
    const source = parseSource('/virtual/dup.json', 'dup.json', text);
    assert.deepEqual((source.value as { openapi: string }).openapi, '3.0.1');
    assert.deepEqual((source.value as { info: unknown }).info, { title: 'c' });
    const issues = source.issues.map((issue) => [issue.pointer, issue.message, source.positionOf(issue.offset!)]);
    assert.deepEqual(issues, [
      ['/openapi', 'Duplicate key "openapi": the last value wins.', { line: 4, column: 3 }],
      ['/info/title', 'Duplicate key "title": the last value wins.', { line: 5, column: 26 }],
      ['/info/title', 'Duplicate key "title": the last value wins.', { line: 5, column: 40 }],
    ]);
  });

  test('JSON: a repeat inside a list is named by its index, and a document without repeats has no issue', () => {
    const text = '{"list": [{"k": 1}, [], {"k": 1, "k": 2}], "m": {"k": {"k": 0}}}';
    const source = parseSource('/virtual/dup-list.json', 'dup-list.json', text);
    assert.deepEqual(source.issues.map((issue) => [issue.pointer, source.positionOf(issue.offset!)]), [['/list/2/k', { line: 1, column: 34 }]]);
    assert.deepEqual(parseSource('/virtual/no-dup.json', 'no-dup.json', '{"a": {"a": [{"a": 1}, {"b": 2}]}, "b": {"a": 1}}').issues, []);
  });

  test('YAML: every repeat is reported at the repeat, nested ones too', () => {
    const text = 'openapi: 3.0.0\npaths: {}\nopenapi: 3.0.1\ninfo:\n  title: a\n  title: b\nlist:\n  - { k: 1, k: 2 }\n';
    const source = parseSource('/virtual/dup.yaml', 'dup.yaml', text);
    assert.deepEqual((source.value as { openapi: string }).openapi, '3.0.1');
    const issues = source.issues.map((issue) => [issue.pointer, issue.message, source.positionOf(issue.offset!)]);
    assert.deepEqual(issues, [
      ['/openapi', 'Duplicate key "openapi": the last value wins.', { line: 3, column: 1 }],
      ['/info/title', 'Duplicate key "title": the last value wins.', { line: 6, column: 3 }],
      ['/list/0/k', 'Duplicate key "k": the last value wins.', { line: 8, column: 13 }],
    ]);
  });

  test('a pointer through a repeated key locates the value that won, the last one', () => {
    // 13 keys: more than the index searches in place, so its per-mapping table is used too.
    const many = Array.from({ length: 12 }, (_, i) => `"k${i}": ${i}`).join(', ');
    const cases: [string, string, string, { line: number; column: number }][] = [
      ['JSON, a small mapping', 'dup.json', '{\n "a": {"x": 1},\n "a": {"x": 2}\n}\n', { line: 3, column: 8 }],
      ['JSON, a large mapping', 'dup-large.json', `{\n "a": {"x": 1},\n ${many},\n "a": {"x": 2}\n}\n`, { line: 4, column: 8 }],
      ['YAML, block mappings', 'dup.yaml', 'a:\n  x: 1\na:\n  x: 2\n', { line: 4, column: 3 }],
      ['YAML through js-yaml (an anchor)', 'dup-anchor.yaml', 'z: &z 1\na:\n  x: 1\na:\n  x: 2\n', { line: 5, column: 3 }],
    ];
    for (const [name, file, text, expected] of cases) {
      const source = parseSource(`/virtual/${file}`, file, text);
      assert.deepEqual((source.value as { a: unknown }).a, { x: 2 }, name);
      const range = source.range('/a/x', { key: true });
      assert.deepEqual({ line: range.line, column: range.column }, expected, name);
    }
  });

  test('lint reports them as no-duplicate-keys findings at the repeated key', async () => {
    tree.write('dup-lint.yaml', `${API_HEAD}components:\n  schemas:\n    A: { type: string }\n    A: { type: integer }\n`);
    const result = await lint('dup-lint.yaml', { cwd: tree.dir });
    const duplicates = result.findings.filter((finding) => finding.ruleId === 'no-duplicate-keys').map((finding) => finding.location);
    // The engine reports the repeat as a point at the start of the repeated key.
    assert.deepEqual(duplicates, [{ file: 'dup-lint.yaml', pointer: '/components/schemas/A', line: 7, column: 5, endLine: 7, endColumn: 5 }]);
  });
});

describe('safety bounds', () => {
  test('a billion-laughs alias bomb fails fast', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const cpu = await cpuMs(() => refuses('bomb.yaml', `${API_HEAD}${levels.join('\n')}\n`, 'RAMPART_INPUT_TOO_LARGE', 'bomb.yaml: YAML aliases expand to more than 2000000 nodes (alias bomb) [RAMPART_INPUT_TOO_LARGE]'));
    assert.ok(cpu < 1000, `took ${cpu.toFixed(0)} ms of CPU`);
  });

  test('many aliases of a small anchor are fine', async () => {
    const uses = Array.from({ length: 500 }, (_, i) => `  p${i}: *ok`).join('\n');
    tree.write('aliases.yaml', `${API_HEAD}x-ok: &ok { description: fine }\nx-uses:\n${uses}\n`);
    const document = await loadDocument('aliases.yaml', { cwd: tree.dir });
    assert.deepEqual((document.root.value as Record<string, Record<string, unknown>>)['x-uses']!.p499, { description: 'fine' });
  });

  const DEPTH = 10_000;
  const blockMappings = Array.from({ length: DEPTH }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + `\n${' '.repeat(DEPTH)}1\n`;
  const blockSequences = `${API_HEAD}x:\n${'- '.repeat(DEPTH)}1\n`;
  const cases: [name: string, text: string, oneLine: RegExp][] = [
    ['arrays.json', '['.repeat(DEPTH) + ']'.repeat(DEPTH), /^arrays\.json: nesting deeper than 1000 levels \[RAMPART_INPUT_TOO_LARGE\]$/],
    ['objects.json', '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH), /^objects\.json: nesting deeper than 1000 levels \[RAMPART_INPUT_TOO_LARGE\]$/],
    ['flow.yaml', `${API_HEAD}x: ${'{a: '.repeat(DEPTH)}1${'}'.repeat(DEPTH)}\n`, /^flow\.yaml:4:\d+: .*nest.*1000.* \[RAMPART_INPUT_TOO_LARGE\]$/],
    ['flow-arrays.yaml', `${API_HEAD}x: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`, /^flow-arrays\.yaml:4:\d+: .*nest.*1000.* \[RAMPART_INPUT_TOO_LARGE\]$/],
    ['block-sequences.yaml', blockSequences, /^block-sequences\.yaml:5:\d+: .*nest.*1000.* \[RAMPART_INPUT_TOO_LARGE\]$/],
  ];
  for (const [name, text, oneLine] of cases) {
    test(`${DEPTH} levels of nesting: ${name}`, async () => {
      const cpu = await cpuMs(() => refuses(name, text, 'RAMPART_INPUT_TOO_LARGE', oneLine));
      assert.ok(cpu < 2000, `took ${cpu.toFixed(0)} ms of CPU`);
    });
  }

  test(`${DEPTH} levels of block mappings (50 MB of indentation, parsed from memory)`, async () => {
    const cpu = await cpuMs(() => expectRampartError(() => parseSource('/virtual/block.yaml', 'block.yaml', blockMappings), 'RAMPART_INPUT_TOO_LARGE', 'block.yaml:1000:1000: nesting deeper than 1000 levels [RAMPART_INPUT_TOO_LARGE]'));
    assert.ok(cpu < 5000, `took ${cpu.toFixed(0)} ms of CPU`);
  });

  test('nesting just under the bound loads', async () => {
    tree.write('deep-ok.json', `{"openapi": "3.0.0", "x": ${'['.repeat(998)}${']'.repeat(998)}}`);
    const document = await loadDocument('deep-ok.json', { cwd: tree.dir });
    assert.equal(document.version.declared, '3.0.0');
  });
});
