import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { buildApi, type Api } from '../../spec/api.js';
import { loadDocument } from '../../spec/document.js';
import { yaml } from '../../testing/dedent.js';
import { LinkBindings, linkApplies, readLinks, valueCreated } from '../links.js';
import { operationKey } from '../operations.js';
import type { ScanExchange } from '../types.js';

const ROOT = path.resolve('/virtual/links');
const SPEC = yaml`
  openapi: 3.1.0
  info: { title: links, version: '1' }
  paths:
    /projects:
      post:
        operationId: createProject
        requestBody: { content: { application/json: { schema: { type: object } } } }
        responses:
          '201':
            description: created
            links:
              ProjectTasks: { operationId: listTasks, parameters: { projectKey: $response.body#/handle } }
              AddTask:
                operationRef: '#/paths/~1projects~1{projectKey}~1tasks/post'
                parameters: { path.projectKey: '{$response.body#/handle}' }
                requestBody: { title: linked }
              Shared: { $ref: '#/components/links/ProjectByLocation' }
              Broken: { operationId: nope }
              BrokenRef: { operationRef: '#/paths/~1nowhere/get' }
              Remote: { operationRef: 'https://example.com/api.yaml#/paths/~1x/get' }
    /projects/{projectKey}:
      get:
        operationId: getProject
        parameters: [{ name: projectKey, in: path, required: true, schema: { type: string } }]
        responses: { '200': { description: ok } }
    /projects/{projectKey}/tasks:
      parameters: [{ name: projectKey, in: path, required: true, schema: { type: string } }]
      get:
        operationId: listTasks
        parameters: [{ name: limit, in: query, schema: { type: integer } }]
        responses: { '200': { description: ok } }
      post:
        operationId: addTask
        requestBody: { content: { application/json: { schema: { type: object } } } }
        responses:
          2XX:
            description: created
            links:
              Task:
                operationId: getTask
                parameters: { projectKey: $request.path.projectKey, taskRef: $response.body#/ref, query.verbose: 'true' }
    /projects/{projectKey}/tasks/{taskRef}:
      get:
        operationId: getTask
        parameters:
          - { name: projectKey, in: path, required: true, schema: { type: string } }
          - { name: taskRef, in: path, required: true, schema: { type: string } }
          - { name: verbose, in: query, schema: { type: string } }
        responses: { '200': { description: ok } }
  components:
    links:
      ProjectByLocation: { operationId: getProject, parameters: { projectKey: '{$response.header.Location}' } }
`;

async function load(): Promise<{ api: Api; links: ReturnType<typeof readLinks> }> {
  const file = path.join(ROOT, 'openapi.yaml');
  const document = await loadDocument(file, { cwd: ROOT, overlay: new Map([[file, SPEC]]), overlayOnly: true });
  const api = buildApi(document);
  return { api, links: readLinks(document, api) };
}

const op = (api: Api, id: string) => api.operations.find((operation) => operation.operationId === id)!;

function exchange(method: string, url: string, status: number, json: unknown, headers: Record<string, string> = {}, body?: unknown): ScanExchange {
  return {
    id: 1,
    probe: 'explore',
    identity: 'alice',
    request: { method, url, headers: {}, body: body === undefined ? undefined : JSON.stringify(body) },
    response: { status, headers, body: JSON.stringify(json), json, durationMs: 1 },
    attack: false,
  };
}

test('links: resolved by operationId, operationRef and $ref; broken ones become problems', async () => {
  const { links } = await load();
  assert.deepEqual(
    links.links.map((link) => [link.name, operationKey(link.from), link.status, operationKey(link.to), link.parameters.map((parameter) => `${parameter.in ?? '?'}:${parameter.name}`).join(' '), link.requestBody !== undefined]),
    [
      ['ProjectTasks', 'POST /projects', '201', 'GET /projects/{projectKey}/tasks', 'path:projectKey', false],
      ['AddTask', 'POST /projects', '201', 'POST /projects/{projectKey}/tasks', 'path:projectKey', true],
      ['Shared', 'POST /projects', '201', 'GET /projects/{projectKey}', 'path:projectKey', false],
      ['Task', 'POST /projects/{projectKey}/tasks', '2XX', 'GET /projects/{projectKey}/tasks/{taskRef}', 'path:projectKey path:taskRef query:verbose', false],
    ],
  );
  assert.deepEqual(links.problems, [
    'link Broken of POST /projects 201: no operation has operationId "nope"',
    'link BrokenRef of POST /projects 201: operationRef "#/paths/~1nowhere/get" names no operation in the loaded files',
    'link Remote of POST /projects 201: operationRef "https://example.com/api.yaml#/paths/~1x/get" names no operation in the loaded files',
  ]);
});

test('links: values flow from producer exchanges to consumers, per identity', async () => {
  const { api, links } = await load();
  const bindings = new LinkBindings(links.links);
  assert.deepEqual(bindings.order([op(api, 'getTask'), op(api, 'addTask'), op(api, 'listTasks'), op(api, 'createProject')]).map((operation) => operation.operationId), ['createProject', 'addTask', 'listTasks', 'getTask']);

  bindings.learn(exchange('POST', 'http://127.0.0.1/projects', 201, { handle: 'h-1' }, { location: 'h-1' }), op(api, 'createProject'), 'alice', {}, false);
  const [listing] = bindings.bindings(op(api, 'listTasks'), 'alice');
  assert.deepEqual([listing?.path, listing?.created], [{ projectKey: 'h-1' }, true]);
  assert.deepEqual(bindings.bindings(op(api, 'addTask'), 'alice')[0]?.body, { value: { title: 'linked' } });
  assert.deepEqual(bindings.bindings(op(api, 'getProject'), 'alice')[0]?.path, { projectKey: 'h-1' });
  assert.deepEqual(bindings.bindings(op(api, 'listTasks'), 'bob'), []);

  bindings.learn(exchange('POST', 'http://127.0.0.1/projects/h-1/tasks', 202, { ref: 'T-9' }, {}, { title: 'linked' }), op(api, 'addTask'), 'alice', { projectKey: 'h-1' }, true);
  const task = bindings.bindings(op(api, 'getTask'), 'alice')[0]!;
  assert.deepEqual([task.path, task.query, task.created], [{ projectKey: 'h-1', taskRef: 'T-9' }, { verbose: 'true' }, true]);

  // An error answer follows no link; a 2xx without the value records why.
  bindings.learn(exchange('POST', 'http://127.0.0.1/projects', 400, { handle: 'bad' }), op(api, 'createProject'), 'bob', {}, false);
  bindings.learn(exchange('POST', 'http://127.0.0.1/projects', 201, { name: 'no handle' }), op(api, 'createProject'), 'bob', {}, false);
  assert.deepEqual(bindings.bindings(op(api, 'listTasks'), 'bob'), []);
  assert.ok(bindings.problems.has('link ProjectTasks (POST /projects → GET /projects/{projectKey}/tasks): $response.body#/handle is absent from this exchange'));
  assert.equal(bindings.learned, 4);
});

test('links: which answers a link under a response key applies to', () => {
  const cases: [string, number, string[], boolean][] = [
    ['201', 201, ['201'], true],
    ['201', 200, ['201', '200'], false],
    ['2XX', 204, ['2XX'], true],
    ['2XX', 201, ['201', '2XX'], false],
    ['DEFAULT', 200, ['DEFAULT'], true],
    ['DEFAULT', 201, ['201', 'DEFAULT'], false],
    ['DEFAULT', 500, ['DEFAULT'], false],
    ['400', 400, ['400'], false],
  ];
  for (const [status, code, documented, expected] of cases) assert.equal(linkApplies(status, code, documented), expected, `${status} ${code}`);
});

test('links: which values name objects the scan created', () => {
  const cases: [unknown, boolean, boolean, boolean][] = [
    ['$response.body#/id', true, false, true],
    ['$response.body#/id', false, true, false],
    ['$request.path.projectKey', false, true, true],
    ['$request.path.projectKey', true, false, false],
    ['/p/{$request.path.key}/t/{$response.body#/ref}', true, true, true],
    ['/p/{$request.path.key}/t/{$response.body#/ref}', true, false, false],
    ['me', true, true, false],
    [42, true, true, false],
  ];
  for (const [value, producerCreates, requestCreated, expected] of cases) assert.equal(valueCreated(value, producerCreates, requestCreated), expected, `${String(value)} ${producerCreates} ${requestCreated}`);
});
