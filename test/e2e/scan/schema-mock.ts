/**
 * A second, differently shaped target for the scanner: a generic mock that serves any small
 * OpenAPI description. It stores what POSTs send (read-only fields too), lists and reads it back
 * to anyone holding any API key, and validates nothing: the weaknesses of a naive CRUD backend.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

export const LIBRARY_DESCRIPTION = {
  swagger: '2.0',
  info: { title: 'Library', version: '2' },
  basePath: '/v2',
  securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
  security: [{ key: [] }],
  paths: {
    '/books': {
      get: { parameters: [{ name: 'q', in: 'query', type: 'string', maxLength: 40 }], responses: { '200': { description: 'ok', schema: { type: 'array', items: { $ref: '#/definitions/Book' } } }, default: { description: 'e' } } },
      post: { parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Book' } }], responses: { '201': { description: 'ok', schema: { $ref: '#/definitions/Book' } }, default: { description: 'e' } } },
    },
    '/books/{bookId}': {
      get: { parameters: [{ name: 'bookId', in: 'path', required: true, type: 'string' }], responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Book' } }, default: { description: 'e' } } },
    },
  },
  definitions: {
    Book: {
      type: 'object', required: ['title', 'pages'],
      properties: { bookId: { type: 'string', readOnly: true }, title: { type: 'string', minLength: 1, maxLength: 80 }, pages: { type: 'integer', minimum: 1, maximum: 5000 }, featured: { type: 'boolean', readOnly: true } },
    },
  },
};

export async function startSchemaMock(): Promise<{ url: string; close: () => Promise<void> }> {
  const books = new Map<string, Json>();
  let next = 1;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const send = (status: number, body?: unknown) => {
        response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' });
        response.end(body === undefined ? undefined : JSON.stringify(body));
      };
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/v2/swagger.json') return send(200, LIBRARY_DESCRIPTION);
      if (!request.headers['x-api-key']) return send(401, { message: 'missing key' });
      if (url.pathname === '/v2/books' && request.method === 'GET') return send(200, [...books.values()]);
      if (url.pathname === '/v2/books' && request.method === 'POST') {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return send(400, { message: 'bad json' });
        }
        const book = { featured: false, ...(body && typeof body === 'object' ? (body as Json) : {}), bookId: `b${next++}` };
        books.set(book.bookId, book);
        return send(201, book);
      }
      const match = /^\/v2\/books\/([^/]+)$/.exec(url.pathname);
      if (match && request.method === 'GET') {
        const book = books.get(decodeURIComponent(match[1]!));
        return book ? send(200, book) : send(404, { message: 'no such book' });
      }
      send(404, { message: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
