import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { loadDocument } from '../document.js';
import { expectRampartError } from './expect-error.js';
import { TempTree } from './temp-tree.js';

const FILES: Record<string, string> = {
  '/schemas/pet.yaml': 'Pet:\n  type: object\n  properties:\n    owner:\n      $ref: "people.yaml#/Person"\n',
  '/schemas/people.yaml': 'Person:\n  type: object\n  properties:\n    name: { type: string }\n',
  '/schemas/sneaky.yaml': 'Sneaky:\n  $ref: "file:///etc/hostname"\nLocal:\n  $ref: "../../../../etc/hostname"\n',
  '/api.yaml': "openapi: 3.0.0\ninfo: { title: t, version: '1' }\npaths: {}\nx-pet: { $ref: 'schemas/pet.yaml#/Pet' }\n",
};

describe('remote $refs', () => {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    const body = FILES[request.url ?? ''];
    response.statusCode = body === undefined ? 404 : 200;
    response.end(body ?? 'not found');
  });
  let base = '';
  let tree: TempTree;

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    tree = new TempTree({
      'root.yaml': [
        'openapi: 3.1.0',
        "info: { title: Remote, version: '1' }",
        'paths: {}',
        'components:',
        '  schemas:',
        `    Pet: { $ref: '${base}/schemas/pet.yaml#/Pet' }`,
        `    Gone: { $ref: '${base}/schemas/gone.yaml#/Gone' }`,
        '',
      ].join('\n'),
    });
  });
  after(() => {
    server.close();
    tree.remove();
  });

  test('are refused without allowRemote, and nothing is fetched', async () => {
    requests.length = 0;
    const document = await loadDocument('root.yaml', { cwd: tree.dir });
    assert.deepEqual(requests, []);
    assert.deepEqual(
      document.refProblems.map((problem) => [problem.pointer, problem.code, problem.message]),
      [
        ['/components/schemas/Pet', 'forbidden', `Cannot resolve "${base}/schemas/pet.yaml#/Pet": remote $refs are followed only with --allow-remote`],
        ['/components/schemas/Gone', 'forbidden', `Cannot resolve "${base}/schemas/gone.yaml#/Gone": remote $refs are followed only with --allow-remote`],
      ],
    );
    assert.deepEqual(document.files, ['root.yaml']);
  });

  test('are followed with allowRemote, relative refs inside them too', async () => {
    requests.length = 0;
    const document = await loadDocument('root.yaml', { cwd: tree.dir, allowRemote: true });
    assert.deepEqual([...requests].sort(), ['/schemas/gone.yaml', '/schemas/people.yaml', '/schemas/pet.yaml']);
    assert.deepEqual(document.files, ['root.yaml', `${base}/schemas/pet.yaml`, `${base}/schemas/people.yaml`]);
    const resolved = document.resolved() as any;
    assert.deepEqual(resolved.components.schemas.Pet.properties.owner, { type: 'object', properties: { name: { type: 'string' } } });
    const origin = document.originOf(['components', 'schemas', 'Pet', 'properties', 'owner', 'properties', 'name']);
    assert.equal(origin.source.displayPath, `${base}/schemas/people.yaml`);
    assert.equal(origin.pointer, '/Person/properties/name');
    assert.equal(origin.source.range(origin.pointer).line, 4);
    assert.deepEqual(
      document.refProblems.map((problem) => [problem.pointer, problem.code, problem.message]),
      [['/components/schemas/Gone', 'unreadable', `Cannot resolve "${base}/schemas/gone.yaml#/Gone": ${base}/schemas/gone.yaml: cannot fetch: HTTP 404`]],
    );
  });

  test('a remote root document needs allowRemote', async () => {
    await expectRampartError(
      () => loadDocument(`${base}/schemas/pet.yaml`, { cwd: tree.dir }),
      'RAMPART_REF_FORBIDDEN',
      `${base}/schemas/pet.yaml: reading a remote document needs --allow-remote [RAMPART_REF_FORBIDDEN]`,
    );
  });

  test('a remote root the user named (remoteRoot) is read; its $refs, even relative ones, still need allowRemote', async () => {
    requests.length = 0;
    const document = await loadDocument(`${base}/api.yaml`, { cwd: tree.dir, remoteRoot: true });
    assert.deepEqual(requests, ['/api.yaml']);
    assert.deepEqual(
      document.refProblems.map((problem) => [problem.pointer, problem.code, problem.message]),
      [['/x-pet', 'forbidden', 'Cannot resolve "schemas/pet.yaml#/Pet": remote $refs are followed only with --allow-remote']],
    );
  });

  test('remoteRefsSameOrigin: a remote document\'s $refs stay on its own origin; a local file\'s may name any', async () => {
    const elsewhere: string[] = [];
    const other = http.createServer((request, response) => {
      elsewhere.push(request.url ?? '');
      response.end('X: { type: object }\n');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    FILES['/hop.yaml'] = `openapi: 3.0.0\ninfo: { title: t, version: '1' }\npaths: {}\nx-hop: { $ref: '${otherBase}/x.yaml#/X' }\nx-home: { $ref: 'schemas/people.yaml#/Person' }\n`;
    try {
      requests.length = 0;
      const fromUrl = await loadDocument(`${base}/hop.yaml`, { cwd: tree.dir, remoteRoot: true, allowRemote: true, remoteRefsSameOrigin: true });
      assert.deepEqual(elsewhere, [], 'the other origin received a request');
      assert.deepEqual([...requests].sort(), ['/hop.yaml', '/schemas/people.yaml']);
      assert.deepEqual(
        fromUrl.refProblems.map((problem) => [problem.pointer, problem.code, problem.message]),
        [['/x-hop', 'forbidden', `Cannot resolve "${otherBase}/x.yaml#/X": a remote document's $refs are followed only on its own origin (${base})`]],
      );
      const local = tree.write('names-other.yaml', `openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\nx-o: { $ref: '${otherBase}/x.yaml#/X' }\n`);
      const fromFile = await loadDocument(local, { cwd: tree.dir, allowRemote: true, remoteRefsSameOrigin: true });
      assert.deepEqual(fromFile.refProblems, []);
      assert.deepEqual(elsewhere, ['/x.yaml']);
    } finally {
      delete FILES['/hop.yaml'];
      other.close();
    }
  });

  test('a remote document may not reach local files', async () => {
    const root = tree.write('sneaky.yaml', `openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths: {}\nx-s: { $ref: '${base}/schemas/sneaky.yaml#/Local' }\n`);
    const document = await loadDocument(root, { cwd: tree.dir, allowRemote: true, allowOutsideRoot: true });
    const remote = [...document.sources.values()].find((source) => source.displayPath.endsWith('sneaky.yaml') && source !== document.root)!;
    assert.ok(remote, 'the remote file itself is loaded');
    const fromRemote = document.refProblems.filter((problem) => problem.source === remote).map((problem) => [problem.pointer, problem.code, problem.message]);
    // `../` from a URL stays on that server; `file:` is a local file and refused even with allowOutsideRoot.
    assert.deepEqual(fromRemote, [
      ['/Sneaky', 'forbidden', 'Cannot resolve "file:///etc/hostname": a remote document may not refer to local files'],
      ['/Local', 'unreadable', `Cannot resolve "../../../../etc/hostname": ${base}/etc/hostname: cannot fetch: HTTP 404`],
    ]);
    assert.ok(!document.files.some((file) => file.startsWith('file:') || file.startsWith('/')));
  });
});
