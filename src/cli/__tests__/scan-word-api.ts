/**
 * A small API for in-process `rampart scan` tests, on 127.0.0.1: logins issue HS256 JWTs signed
 * with a common word from the scanner's wordlist, `/admin/users` lets any user in (BFLA), and its
 * data spells wordlist words too (`"role":"admin"`, `"motto":"hello world"`). Everything it answers
 * is deterministic, so two twins that differ only in the secret give the same report.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WordApi {
  url: string;
  /** Requests received, as `METHOD /path`. */
  requests: string[];
  close: () => Promise<void>;
}

const USERS = [
  { id: 'u1', username: 'ann', password: 'ann-word-password', role: 'user', motto: 'hello world' },
  { id: 'u2', username: 'root', password: 'root-word-password', role: 'admin', motto: 'hello admin' },
];

/** The description the API serves at /openapi.json; `extra` is merged into `components.schemas`. */
export function wordApiDescription(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const user = { $ref: '#/components/schemas/User' };
  const secured = [{ bearer: [] }];
  return {
    openapi: '3.0.3',
    info: { title: 'word api', version: '1' },
    paths: {
      '/auth/login': {
        post: {
          operationId: 'login',
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } } } } },
          responses: { '200': { description: 'token', content: { 'application/json': { schema: { type: 'object', properties: { token: { type: 'string' } } } } } }, '401': { description: 'wrong' } },
        },
      },
      '/users/me': { get: { operationId: 'me', security: secured, responses: { '200': { description: 'me', content: { 'application/json': { schema: user } } }, '401': { description: 'no' } } } },
      '/admin/users': { get: { operationId: 'adminUsers', tags: ['admin'], security: secured, responses: { '200': { description: 'all', content: { 'application/json': { schema: { type: 'array', items: user } } } }, '401': { description: 'no' } } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { User: { type: 'object', properties: { id: { type: 'string' }, username: { type: 'string' }, role: { type: 'string' }, motto: { type: 'string' } } }, ...extra },
    },
  };
}

/** `description`: served at /openapi.json; `documents`: more JSON files by path (schemas a description refers to). */
export async function startWordApi(secret: string, { description = wordApiDescription(), documents = {} }: { description?: Record<string, unknown>; documents?: Record<string, unknown> } = {}): Promise<WordApi> {
  const sign = (claims: Record<string, unknown>) => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  };
  const verify = (header: string | undefined) => {
    const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    const [head, payload, signature] = token?.split('.') ?? [];
    if (!head || !payload || signature !== createHmac('sha256', secret).update(`${head}.${payload}`).digest('base64url')) return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string };
    return USERS.find((user) => user.id === claims.sub);
  };
  const requests: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      requests.push(`${request.method} ${path}`);
      const send = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const shown = ({ id, username, role, motto }: (typeof USERS)[number]) => ({ id, username, role, motto });
      if (request.method === 'GET' && path === '/openapi.json') return send(200, description);
      if (request.method === 'GET' && documents[path] !== undefined) return send(200, documents[path]);
      if (request.method === 'POST' && path === '/auth/login') {
        let body: { username?: string; password?: string } = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
        } catch {
          return send(400, { error: 'invalid JSON' });
        }
        const user = USERS.find((candidate) => candidate.username === body.username && candidate.password === body.password);
        return user ? send(200, { token: sign({ sub: user.id, role: user.role }) }) : send(401, { error: 'wrong credentials' });
      }
      const user = verify(request.headers.authorization);
      if (request.method === 'GET' && (path === '/users/me' || path === '/admin/users')) {
        if (!user) return send(401, { error: 'log in' });
        // Planted: any logged-in user may list every user.
        return send(200, path === '/users/me' ? shown(user) : USERS.map(shown));
      }
      send(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The `scan:` configuration for the word API's two identities. */
export const WORD_API_CONFIG = ['scan:', '  identities:', ...USERS.flatMap((user) => [
  `    - name: ${user.username}`,
  `      role: ${user.role}`,
  '      login:',
  '        method: POST',
  '        path: /auth/login',
  `        json: { username: ${user.username}, password: ${user.password} }`,
  '        token: $.token',
]), ''].join('\n');
