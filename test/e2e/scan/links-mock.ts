/**
 * A third target for the scanner, shaped so that name matching cannot find its IDs: projects are
 * named by a random `handle`, consumed as `{projectKey}`; tasks by a random `ref`, consumed as
 * `{taskRef}`. Only the description's OpenAPI links say how one feeds the other. The planted bug:
 * `GET /projects/{projectKey}/tasks/{taskRef}` checks that the caller is logged in, not that the
 * project is theirs (BOLA). `secure: true` checks ownership there too. `links: false` serves the
 * same description without its links, to show the scanner reaches the bug only through them.
 * Links to the DELETEs let a scan with --allow-destructive remove what it created; `stored()`
 * counts what is left.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

const KEY = { name: 'projectKey', in: 'path', required: true, schema: { type: 'string' } };
const REF = { name: 'taskRef', in: 'path', required: true, schema: { type: 'string' } };
const PROJECT = { type: 'object', required: ['handle', 'name'], properties: { handle: { type: 'string', readOnly: true }, name: { type: 'string', maxLength: 60 } } };
const TASK = { type: 'object', required: ['ref', 'title', 'done'], properties: { ref: { type: 'string', readOnly: true }, title: { type: 'string', maxLength: 60 }, done: { type: 'boolean', readOnly: true } } };
const json = (schema: unknown) => ({ 'application/json': { schema } });
const errors = { '400': { description: 'bad input' }, '401': { description: 'no credentials' }, '404': { description: 'not found' } };

export function trackerDescription(withLinks: boolean): Json {
  const links = <T extends Json>(value: T): T | Record<string, never> => (withLinks ? value : {});
  return {
    openapi: '3.0.3',
    info: { title: 'Tracker', version: '1' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: { Project: PROJECT, Task: TASK } },
    security: [{ bearer: [] }],
    paths: {
      '/projects': {
        get: { operationId: 'listProjects', responses: { '200': { description: 'own projects', content: json({ type: 'array', items: { $ref: '#/components/schemas/Project' } }) }, ...errors } },
        post: {
          operationId: 'createProject',
          requestBody: { required: true, content: json({ type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 60 } } }) },
          responses: {
            '201': {
              description: 'created',
              content: json({ $ref: '#/components/schemas/Project' }),
              ...links({
                links: {
                  ProjectTasks: { operationId: 'listTasks', parameters: { projectKey: '$response.body#/handle' } },
                  AddTask: { operationRef: '#/paths/~1projects~1{projectKey}~1tasks/post', parameters: { projectKey: '$response.body#/handle' } },
                  DeleteProject: { operationId: 'deleteProject', parameters: { projectKey: '$response.body#/handle' } },
                },
              }),
            },
            ...errors,
          },
        },
      },
      '/projects/{projectKey}': {
        parameters: [KEY],
        delete: { operationId: 'deleteProject', responses: { '204': { description: 'deleted' }, ...errors } },
      },
      '/projects/{projectKey}/tasks': {
        parameters: [KEY],
        get: { operationId: 'listTasks', responses: { '200': { description: 'tasks', content: json({ type: 'array', items: { $ref: '#/components/schemas/Task' } }) }, ...errors } },
        post: {
          operationId: 'addTask',
          requestBody: { required: true, content: json({ type: 'object', required: ['title'], properties: { title: { type: 'string', minLength: 1, maxLength: 60 } } }) },
          responses: {
            '201': {
              description: 'created',
              headers: { Location: { schema: { type: 'string' } } },
              content: json({ $ref: '#/components/schemas/Task' }),
              ...links({
                links: {
                  Task: { operationId: 'getTask', parameters: { projectKey: '$request.path.projectKey', taskRef: '$response.body#/ref' } },
                  DeleteTask: { operationId: 'deleteTask', parameters: { projectKey: '$request.path.projectKey', taskRef: '$response.body#/ref' } },
                },
              }),
            },
            ...errors,
          },
        },
      },
      '/projects/{projectKey}/tasks/{taskRef}': {
        parameters: [KEY, REF],
        get: { operationId: 'getTask', responses: { '200': { description: 'the task', content: json({ $ref: '#/components/schemas/Task' }) }, ...errors } },
        delete: { operationId: 'deleteTask', responses: { '204': { description: 'deleted' }, ...errors } },
      },
    },
  };
}

export const TRACKER_TOKENS = { ann: 'ann-tracker-token-7f3a', ben: 'ben-tracker-token-91c4' } as const;

export async function startLinksMock(options: { secure?: boolean } = {}): Promise<{ url: string; close: () => Promise<void>; stored: () => { projects: number; tasks: number } }> {
  const projects = new Map<string, { owner: string; name: string; tasks: Map<string, Json> }>();
  const users = new Map<string, string>(Object.entries(TRACKER_TOKENS).map(([user, token]) => [`Bearer ${token}`, user]));
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...headers });
        response.end(body === undefined ? undefined : JSON.stringify(body));
      };
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/openapi.json') return send(200, trackerDescription(true));
      if (url.pathname === '/openapi-without-links.json') return send(200, trackerDescription(false));
      const user = users.get(request.headers.authorization ?? '');
      if (!user) return send(401, { message: 'log in' });
      const readTitle = (field: string): string | undefined => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json;
          const value = body?.[field];
          return typeof value === 'string' && value.length > 0 && value.length <= 60 ? value : undefined;
        } catch {
          return undefined;
        }
      };
      if (url.pathname === '/projects' && request.method === 'GET') return send(200, [...projects].filter(([, project]) => project.owner === user).map(([handle, project]) => ({ handle, name: project.name })));
      if (url.pathname === '/projects' && request.method === 'POST') {
        const name = readTitle('name');
        if (!name) return send(400, { message: 'name: 1 to 60 characters' });
        const handle = `prj-${randomBytes(6).toString('hex')}`;
        projects.set(handle, { owner: user, name, tasks: new Map() });
        return send(201, { handle, name });
      }
      const own = /^\/projects\/([^/]+)$/.exec(url.pathname);
      if (own && request.method === 'DELETE') {
        const handle = decodeURIComponent(own[1]!);
        if (projects.get(handle)?.owner !== user) return send(404, { message: 'not found' });
        projects.delete(handle);
        return send(204);
      }
      const match = /^\/projects\/([^/]+)\/tasks(?:\/([^/]+))?$/.exec(url.pathname);
      const project = match ? projects.get(decodeURIComponent(match[1]!)) : undefined;
      if (!match || !project) return send(404, { message: 'not found' });
      const [, handle, ref] = match;
      if (ref === undefined) {
        if (project.owner !== user) return send(404, { message: 'not found' });
        if (request.method === 'GET') return send(200, [...project.tasks.values()]);
        if (request.method !== 'POST') return send(405, { message: 'method not allowed' });
        const title = readTitle('title');
        if (!title) return send(400, { message: 'title: 1 to 60 characters' });
        const task = { ref: `tsk-${randomBytes(6).toString('hex')}`, title, done: false };
        project.tasks.set(task.ref, task);
        return send(201, task, { location: `/projects/${handle}/tasks/${task.ref}` });
      }
      if (request.method === 'DELETE') {
        if (project.owner !== user || !project.tasks.delete(decodeURIComponent(ref))) return send(404, { message: 'not found' });
        return send(204);
      }
      if (request.method !== 'GET') return send(405, { message: 'method not allowed' });
      // The planted bug: any logged-in user reads any project's task (the secure twin checks the owner).
      if (options.secure && project.owner !== user) return send(404, { message: 'not found' });
      const task = project.tasks.get(decodeURIComponent(ref));
      return task ? send(200, task) : send(404, { message: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    stored: () => ({ projects: projects.size, tasks: [...projects.values()].reduce((sum, project) => sum + project.tasks.size, 0) }),
  };
}
