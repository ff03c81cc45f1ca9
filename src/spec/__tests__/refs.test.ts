import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { lint } from '../../lint/lint.js';
import { findRefs, loadDocument } from '../document.js';
import { formatRange } from './text-at.js';

const API = path.resolve('test/fixtures/loader/refs/api');

describe('$ref resolution across files', async () => {
  const document = await loadDocument('root.yaml', { cwd: API });
  const root = document.root;

  test('every referenced file is loaded once, whatever the depth of ../ and ./', () => {
    assert.deepEqual([...document.files].sort(), [
      'paths/file.yaml',
      'paths/nested/deeper/deep.yaml',
      'root.yaml',
      'shared/cycle-a.yaml',
      'shared/cycle-b.yaml',
      'shared/loop.yaml',
      'shared/params.yaml',
      'shared/responses.yaml',
      'shared/with space.yaml',
    ]);
  });

  test('refs to refs are followed to the node at the end of the chain', () => {
    const chained = document.resolveRef(root, '#/components/responses/Chained');
    assert.equal(chained?.source.displayPath, 'shared/responses.yaml');
    assert.equal(chained?.pointer, '/Ok');
    // One step only: the target is itself a $ref.
    const step = document.lookup(root, '#/components/responses/Chained');
    assert.deepEqual(step?.value, { $ref: '#/components/responses/Middle' });
    // From a file three folders down, through a ref that names another ref.
    const deep = document.sources.get(path.join(API, 'paths/nested/deeper/deep.yaml'))!;
    const response = document.resolveRef(deep, '../../file.yaml#/get/responses/200');
    assert.equal(response?.source.displayPath, 'shared/responses.yaml');
    assert.equal(response?.pointer, '/Ok');
  });

  test('URI-encoded fragments and ~0 / ~1 escapes', () => {
    assert.deepEqual(document.resolveRef(root, '#/x-items/~1a%20b~1%7Bid%7D')?.value, { description: 'encoded' });
    assert.deepEqual(document.resolveRef(root, '#/x-items/t~0ilde~1slash')?.value, { type: 'string' });
    assert.deepEqual(document.resolveRef(root, 'shared/with%20space.yaml')?.value, { type: 'integer', format: 'int64' });
    assert.equal(document.resolveRef(root, '#/x-items/t~0ilde/slash'), undefined);
  });

  test('unresolvable and circular refs become refProblems at the $ref', () => {
    const problems = document.refProblems.map((problem) => ({
      file: problem.source.displayPath,
      pointer: problem.pointer,
      code: problem.code,
      at: formatRange(problem.source.range(`${problem.pointer}/$ref`)),
      message: problem.message,
    }));
    assert.deepEqual(problems, [
      {
        file: 'root.yaml',
        pointer: '/paths/~1missing-file',
        code: 'unreadable',
        at: '13:11-13:31',
        message: 'Cannot resolve "paths/nowhere.yaml": paths/nowhere.yaml: no such file',
      },
      { file: 'root.yaml', pointer: '/paths/~1missing-pointer', code: 'unresolved', at: '15:11-15:42', message: 'Cannot resolve "paths/file.yaml#/no/such/node": no such target.' },
      {
        file: 'root.yaml',
        pointer: '/paths/~1outside',
        code: 'forbidden',
        at: '17:11-17:28',
        message: 'Cannot resolve "../outside.yaml": the file is outside the working directory and the document folder (allow it with --allow-outside-root)',
      },
      { file: 'root.yaml', pointer: '/components/schemas/Self', code: 'circular', at: '25:19-25:46', message: '"#/components/schemas/Self" is a $ref to itself through other $refs only.' },
      { file: 'root.yaml', pointer: '/components/schemas/RefCycle', code: 'circular', at: '37:23-37:47', message: '"shared/cycle-a.yaml#/X" is a $ref to itself through other $refs only.' },
      // A chain that ends at a broken $ref is reported once, at the broken link, not as a cycle.
      {
        file: 'root.yaml',
        pointer: '/x-chains/Broken',
        code: 'unreadable',
        at: '45:19-45:37',
        message: 'Cannot resolve "shared/nope.yaml": shared/nope.yaml: no such file',
      },
      { file: 'shared/cycle-a.yaml', pointer: '/X', code: 'circular', at: '1:12-1:29', message: '"cycle-b.yaml#/Y" is a $ref to itself through other $refs only.' },
      { file: 'shared/cycle-b.yaml', pointer: '/Y', code: 'circular', at: '1:12-1:29', message: '"cycle-a.yaml#/X" is a $ref to itself through other $refs only.' },
    ]);
  });

  test('resolved() terminates on cycles and keeps the $ref that closes each one', () => {
    const resolved = document.resolved() as any;
    const schemas = resolved.components.schemas;
    assert.deepEqual(schemas.Self, { $ref: '#/components/schemas/Self' });
    assert.deepEqual(schemas.Node, { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } });
    assert.deepEqual(schemas.A, { properties: { b: { properties: { a: { $ref: '#/components/schemas/A' } } } } });
    assert.deepEqual(schemas.ThroughFiles, { type: 'object', properties: { back: { $ref: '../root.yaml#/components/schemas/ThroughFiles' } } });
    assert.deepEqual(schemas.RefCycle, { $ref: 'shared/cycle-a.yaml#/X' });
    assert.deepEqual(schemas.Tilde, { type: 'string' });
    assert.deepEqual(resolved.paths['/deep'].get.parameters, [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    assert.deepEqual(resolved.paths['/missing-file'], { $ref: 'paths/nowhere.yaml' });
    // Finite: serialising walks every node.
    assert.ok(JSON.stringify(resolved).length > 1000);
    assert.equal(document.resolved(), resolved, 'computed once');
  });

  test('originOf names the file and pointer where a resolved node was written', () => {
    const cases: [path: (string | number)[], file: string, pointer: string, line: number][] = [
      [['paths', '/file', 'get'], 'paths/file.yaml', '/get', 2],
      [['paths', '/file', 'get', 'responses', '200', 'description'], 'shared/responses.yaml', '/Ok/description', 2],
      [['paths', '/deep', 'get', 'parameters', 0, 'in'], 'shared/params.yaml', '/Id/in', 3],
      [['paths', '/deep', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'next'], 'root.yaml', '/components/schemas/Node/properties/next', 29],
      [['paths', '/local', 'get', 'responses', '200'], 'shared/responses.yaml', '/Ok', 2],
      [['components', 'schemas', 'ThroughFiles', 'properties', 'back'], 'shared/loop.yaml', '/Loop/properties/back', 4],
      [['components', 'schemas', 'SpacedFile', 'format'], 'shared/with space.yaml', '/format', 2],
      [['paths', '/encoded', 'description'], 'root.yaml', '/x-items/~1a b~1{id}/description', 41],
    ];
    for (const [nodePath, file, pointer, line] of cases) {
      const origin = document.originOf(nodePath);
      assert.deepEqual([origin.source.displayPath, origin.pointer, origin.source.range(origin.pointer).line], [file, pointer, line], nodePath.join(' > '));
    }
  });

  test('lint reports a broken $ref at the $ref, in the file that holds it', async () => {
    const result = await lint('root.yaml', { cwd: API });
    assert.deepEqual(result.errors, []);
    const unresolved = result.findings
      .filter((finding) => finding.ruleId === 'no-unresolved-refs')
      .map((finding) => finding.location)
      .map((location) => ('file' in location ? `${location.file}:${location.line}:${location.column} ${location.pointer}` : ''));
    assert.deepEqual(unresolved, [
      'root.yaml:13:11 /paths/~1missing-file/$ref',
      'root.yaml:15:11 /paths/~1missing-pointer/$ref',
      'root.yaml:17:11 /paths/~1outside/$ref',
      'root.yaml:25:19 /components/schemas/Self/$ref',
      'root.yaml:37:23 /components/schemas/RefCycle/$ref',
      'root.yaml:45:19 /x-chains/Broken/$ref',
      'shared/cycle-a.yaml:1:12 /X/$ref',
      'shared/cycle-b.yaml:1:12 /Y/$ref',
    ]);
  });
});

describe('files outside the root', () => {
  test('are followed with allowOutsideRoot', async () => {
    const document = await loadDocument('root.yaml', { cwd: API, allowOutsideRoot: true });
    assert.ok(document.files.includes('../outside.yaml'));
    assert.deepEqual(
      document.refProblems.filter((problem) => problem.pointer === '/paths/~1outside'),
      [],
    );
    assert.deepEqual((document.resolved() as any).paths['/outside'], { get: { responses: {} } });
  });

  test('the working directory counts as a root too', async () => {
    const document = await loadDocument('api/root.yaml', { cwd: path.dirname(API) });
    assert.ok(document.files.includes('outside.yaml'));
    assert.equal(document.root.displayPath, 'api/root.yaml');
  });

  test('an absolute path outside both roots is refused', async () => {
    const overlay = new Map([[path.join(API, 'abs.yaml'), "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /p: {$ref: '/etc/hostname'}\n"]]);
    const document = await loadDocument('abs.yaml', { cwd: API, overlay });
    assert.deepEqual(
      document.refProblems.map((problem) => [problem.pointer, problem.code]),
      [['/paths/~1p', 'forbidden']],
    );
  });
});

describe('findRefs', () => {
  const cases: Array<{ name: string; value: unknown; expected: Array<{ pointer: string; ref: string }> }> = [
    { name: 'none', value: { a: { b: [1, 'x', null] } }, expected: [] },
    { name: 'at the root', value: { $ref: 'other.yaml' }, expected: [{ pointer: '', ref: 'other.yaml' }] },
    {
      name: 'in maps and lists, with ~ and / escaped in the pointer',
      value: { paths: { '/users/{id}': { get: { parameters: [{ $ref: '#/p' }, { name: 'q' }, { $ref: 'x.yaml#/q' }] } } }, 'a~b': { $ref: '#/c' } },
      expected: [
        { pointer: '/paths/~1users~1{id}/get/parameters/0', ref: '#/p' },
        { pointer: '/paths/~1users~1{id}/get/parameters/2', ref: 'x.yaml#/q' },
        { pointer: '/a~0b', ref: '#/c' },
      ],
    },
    { name: 'not below a $ref (its siblings belong to it)', value: { s: { $ref: '#/a', items: { $ref: '#/b' } } }, expected: [{ pointer: '/s', ref: '#/a' }] },
    { name: 'a $ref that is not a string is no reference', value: { $ref: { $ref: '#/x' } }, expected: [{ pointer: '/$ref', ref: '#/x' }] },
  ];
  for (const { name, value, expected } of cases) {
    test(name, () => {
      for (const sharesNodes of [false, true]) {
        assert.deepEqual(findRefs(value, sharesNodes).map((site) => ({ pointer: site.pointer, ref: site.ref })), expected);
      }
    });
  }
});
