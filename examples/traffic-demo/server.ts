/**
 * A small API for recording traffic: it knowingly differs from its description (openapi.yaml) in the
 * ways `rampart discover` should find. See truth.ts for the list. Start it with `startTrafficDemo()`;
 * it listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningDemo {
  url: string;
  close: () => Promise<void>;
}

const USERS = Array.from({ length: 40 }, (_, k) => ({
  id: 1000 + k,
  name: `User ${k}`,
  email: `user${k}@example.com`,
  // Not in the description: personal data the API should not return.
  ssn: `${String(123 + k).padStart(3, '0')}-45-${String(6789 + k).padStart(4, '0')}`,
}));

function send(response: ServerResponse, status: number, body?: unknown, type = 'application/json'): void {
  response.statusCode = status;
  if (body === undefined) {
    response.end();
    return;
  }
  response.setHeader('content-type', type);
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function authorized(request: IncomingMessage): boolean {
  return /^Bearer \S+/.test(request.headers.authorization ?? '');
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const parts = url.pathname.split('/').filter(Boolean);
  const method = request.method ?? 'GET';
  const body = await readBody(request);
  const route = `${method} /${parts.map((part, k) => (k >= 3 && /^[\w@.-]+$/.test(part) && !['me', 'orders', 'reports', 'export', 'config'].includes(part) ? ':x' : part)).join('/')}`;

  if (url.pathname === '/health') return send(response, 200, { status: 'ok' });
  if (url.pathname.startsWith('/static/')) return send(response, 200, 'console.log(1)', 'application/javascript');
  if (url.pathname === '/graphql' && method === 'POST') {
    const query = (JSON.parse(body || '{}') as { operationName?: string }).operationName ?? '';
    return send(response, 200, { data: query === 'GetViewer' ? { viewer: { id: '1', name: 'A' } } : { products: [{ sku: 'sku-1', price: 3 }] } });
  }
  const secured = (handler: () => void) => (authorized(request) ? handler() : send(response, 401, { error: 'unauthorized' }));
  switch (route) {
    case 'GET /api/v1/users':
      return secured(() => send(response, 200, USERS.slice(0, 5).map(({ id, name, email }) => ({ id, name, email }))));
    case 'GET /api/v1/users/me':
      return secured(() => send(response, 200, { id: 1000, name: 'User 0', email: 'user0@example.com' }));
    case 'GET /api/v1/users/:x': {
      const user = USERS.find((candidate) => String(candidate.id) === parts[3]);
      return secured(() => (user ? send(response, 200, user) : send(response, 404, { error: 'not found' })));
    }
    case 'PATCH /api/v1/users/:x':
      return secured(() => send(response, 200, { id: Number(parts[3]), ...(JSON.parse(body || '{}') as object) }));
    case 'GET /api/v1/users/:x/orders':
      // Documented as secured; the server forgets to check.
      return send(response, 200, [{ id: 'b0c7c2a4-3f51-4c9e-9d0a-5c1e0d6e0001', total: 12.5 }]);
    case 'GET /api/v1/orders/:x':
      if (!/^[0-9a-f-]{36}$/.test(parts[3] ?? '')) return send(response, 400, { error: 'bad id' });
      // `total` is documented as a number; the server sends a string.
      return secured(() => send(response, 200, { id: parts[3], status: 'shipped', total: '12.50' }));
    case 'POST /api/v1/orders':
      return secured(() => send(response, 201, { id: 'b0c7c2a4-3f51-4c9e-9d0a-5c1e0d6e0002', status: 'new', total: 0 }));
    case 'GET /api/v1/products':
      return send(response, 200, [{ sku: 'sku-10023', name: 'Lamp', price: 30 }]);
    case 'GET /api/v1/products/:x':
      return send(response, 200, { sku: parts[3], name: 'Lamp', price: 30 });
    case 'GET /api/v1/legacy/reports':
      return secured(() => send(response, 200, { reports: [] }));
    case 'GET /api/v1/admin/export':
      // Not documented at all: a shadow endpoint.
      return send(response, 200, { users: USERS.length, apiKey: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc' });
    case 'GET /api/v1/debug/config':
      return send(response, 200, { debug: true });
    default:
      return send(response, 404, { error: 'not found' });
  }
}

export async function startTrafficDemo(port = 0): Promise<RunningDemo> {
  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, { error: 'internal' }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
