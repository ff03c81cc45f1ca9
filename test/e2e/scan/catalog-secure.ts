/**
 * A secure bookshop API shaped unlike the demo: OAuth2-style opaque bearer tokens with scopes (a
 * missing scope is 403 insufficient_scope), a full-text search that treats quotes and SQL-looking
 * text as words, supports "quoted phrases" and echoes the query in a JSON `query` field, and
 * errors that carry a request id and a generic message. Listens on 127.0.0.1 only.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { ApiError, parseJson, requireContentType, startSecureApi, validators, type ApiAnswer, type ApiRequest, type Json, type RunningApi } from './secure-api-kit.js';

export const CATALOG_USERS = [
  { username: 'alice', password: 'alice-catalog-password', scopes: ['catalog:read', 'orders:read', 'orders:write'] },
  { username: 'bob', password: 'bob-catalog-password', scopes: ['catalog:read', 'orders:read', 'orders:write'] },
  { username: 'root', password: 'root-catalog-password', scopes: ['catalog:read', 'orders:read', 'orders:write', 'catalog:admin'] },
] as const;

/** The scan configuration for this API: alice and bob (users), root (admin, with catalog:admin). */
export const CATALOG_SCAN_CONFIG = [
  'scan:',
  '  identities:',
  ...CATALOG_USERS.map(({ username, password }) => [
    `    - name: ${username}`,
    `      role: ${username === 'root' ? 'admin' : 'user'}`,
    '      login:',
    '        path: /oauth/token',
    `        form: { grant_type: password, username: ${username}, password: ${password} }`,
    '        token: $.access_token',
  ]).flat(),
  '',
].join('\n');

const BOOKS = [
  { id: 'bk_1', title: 'Pride and Prejudice', author: 'Jane Austen', year: 1813, price: 9.5 },
  { id: 'bk_2', title: 'Either/Or', author: 'Søren Kierkegaard', year: 1843, price: 14 },
  { id: 'bk_3', title: 'War and Peace', author: 'Leo Tolstoy', year: 1869, price: 18 },
  { id: 'bk_4', title: 'The Old Man and the Sea', author: 'Ernest Hemingway', year: 1952, price: 11 },
  { id: 'bk_5', title: 'Brave New World', author: 'Aldous Huxley', year: 1932, price: 12 },
  { id: 'bk_6', title: 'Nineteen Eighty-Four', author: 'George Orwell', year: 1949, price: 10 },
  { id: 'bk_7', title: "The Hitchhiker's Guide to the Galaxy", author: 'Douglas Adams', year: 1979, price: 8 },
];

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((status) => [String(status), { $ref: `#/components/responses/E${status}` }]));
const scoped = (...scopes: string[]) => [{ oauth: scopes }];

export function catalogDescription(): Json {
  return {
    openapi: '3.0.3',
    info: { title: 'Catalog', version: '1.0.0', 'x-validation-status': 400 },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        oauth: { type: 'oauth2', flows: { password: { tokenUrl: '/oauth/token', scopes: { 'catalog:read': 'read the catalog', 'orders:read': 'read own orders', 'orders:write': 'place orders', 'catalog:admin': 'manage the catalog and see every order' } } } },
      },
      schemas: {
        Error: { type: 'object', required: ['error', 'message', 'requestId'], properties: { error: { type: 'string' }, message: { type: 'string' }, requestId: { type: 'string' }, errors: { type: 'array', items: { type: 'object', properties: { pointer: { type: 'string' }, detail: { type: 'string' } } } } } },
        OAuthError: { type: 'object', required: ['error'], properties: { error: { type: 'string', enum: ['invalid_request', 'invalid_grant', 'invalid_scope', 'unsupported_grant_type'] }, error_description: { type: 'string' } } },
        Token: { type: 'object', required: ['access_token', 'token_type', 'expires_in', 'scope'], properties: { access_token: { type: 'string' }, token_type: { type: 'string', enum: ['Bearer'] }, expires_in: { type: 'integer' }, scope: { type: 'string' } } },
        TokenRequest: {
          type: 'object', required: ['grant_type', 'username', 'password'], additionalProperties: false,
          properties: { grant_type: { type: 'string', enum: ['password'] }, username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 128, writeOnly: true }, scope: { type: 'string', maxLength: 200 } },
        },
        Book: { type: 'object', required: ['id', 'title', 'author', 'year', 'price'], additionalProperties: false, properties: { id: { type: 'string', readOnly: true }, title: { type: 'string', minLength: 1, maxLength: 120 }, author: { type: 'string', minLength: 1, maxLength: 80 }, year: { type: 'integer', minimum: 1400, maximum: 2100 }, price: { type: 'number', minimum: 0, maximum: 10000 } } },
        BookPage: { type: 'object', required: ['data', 'page', 'pageSize', 'total'], properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Book' } }, page: { type: 'integer' }, pageSize: { type: 'integer' }, total: { type: 'integer' } } },
        SearchResult: { type: 'object', required: ['query', 'results', 'total'], properties: { query: { type: 'string', description: 'The query as received.' }, results: { type: 'array', items: { $ref: '#/components/schemas/Book' } }, total: { type: 'integer' } } },
        OrderInput: { type: 'object', required: ['bookId', 'quantity'], additionalProperties: false, properties: { bookId: { type: 'string', pattern: '^bk_[0-9]{1,6}$' }, quantity: { type: 'integer', minimum: 1, maximum: 10 }, giftMessage: { type: 'string', maxLength: 200 } } },
        Order: {
          type: 'object', required: ['id', 'bookId', 'quantity', 'status', 'total', 'createdAt'],
          properties: { id: { type: 'string' }, bookId: { type: 'string' }, quantity: { type: 'integer' }, giftMessage: { type: 'string' }, status: { type: 'string', enum: ['placed', 'shipped'] }, total: { type: 'number' }, createdAt: { type: 'string', format: 'date-time' } },
        },
        OrderList: { type: 'object', required: ['data'], properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Order' } } } },
      },
      responses: {
        E400: error('invalid request'),
        E401: error('missing, unknown or expired token'),
        E403: error('the token lacks the scope this operation needs'),
        E404: error('no such object (or not yours)'),
        E415: error('unsupported body media type'),
        E500: error('unexpected failure, with a request id'),
      },
    },
    paths: {
      '/oauth/token': {
        post: {
          operationId: 'token', security: [],
          requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { $ref: '#/components/schemas/TokenRequest' } } } },
          responses: {
            '200': { description: 'an access token', content: { 'application/json': { schema: { $ref: '#/components/schemas/Token' } } } },
            '400': { description: 'RFC 6749 error', content: { 'application/json': { schema: { $ref: '#/components/schemas/OAuthError' } } } },
            '429': { description: 'too many failed attempts for this user name', headers: { 'Retry-After': { schema: { type: 'integer' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
            ...errors(415, 500),
          },
        },
      },
      '/books/search': {
        get: {
          operationId: 'searchBooks', security: scoped('catalog:read'),
          description: 'Full-text search over titles and authors. Words match anywhere; "double quotes" make a phrase.',
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: 200 } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
          ],
          responses: { '200': { description: 'matches, best first', content: { 'application/json': { schema: { $ref: '#/components/schemas/SearchResult' } } } }, ...errors(400, 401, 403, 500) },
        },
      },
      '/books': {
        get: {
          operationId: 'listBooks', security: scoped('catalog:read'),
          parameters: [
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1 } },
            { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
          ],
          responses: { '200': { description: 'a page of books', content: { 'application/json': { schema: { $ref: '#/components/schemas/BookPage' } } } }, ...errors(400, 401, 403, 500) },
        },
      },
      '/books/{bookId}': {
        get: {
          operationId: 'getBook', security: scoped('catalog:read'),
          parameters: [{ name: 'bookId', in: 'path', required: true, schema: { type: 'string', pattern: '^bk_[0-9]{1,6}$' } }],
          responses: { '200': { description: 'the book', content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } } } }, ...errors(400, 401, 403, 404, 500) },
        },
      },
      '/orders': {
        get: {
          operationId: 'listOrders', security: scoped('orders:read'),
          responses: { '200': { description: 'your orders', content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderList' } } } }, ...errors(401, 403, 500) },
        },
        post: {
          operationId: 'placeOrder', security: scoped('orders:write'),
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderInput' } } } },
          responses: {
            '201': { description: 'placed', headers: { Location: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } }, links: { getOrder: { operationId: 'getOrder', parameters: { orderId: '$response.body#/id' } } } },
            ...errors(400, 401, 403, 404, 415, 500),
          },
        },
      },
      '/orders/{orderId}': {
        get: {
          operationId: 'getOrder', security: scoped('orders:read'),
          parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'the order', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } }, ...errors(401, 403, 404, 500) },
        },
      },
      '/admin/orders': {
        get: {
          operationId: 'allOrders', security: scoped('catalog:admin'),
          responses: { '200': { description: 'every order', content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderList' } } } }, ...errors(401, 403, 500) },
        },
      },
      '/admin/books': {
        post: {
          operationId: 'addBook', security: scoped('catalog:admin'),
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } } } },
          responses: { '201': { description: 'added', content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } } } }, ...errors(400, 401, 403, 415, 500) },
        },
      },
    },
  };
}

interface Order { id: string; owner: string; bookId: string; quantity: number; giftMessage?: string; status: 'placed' | 'shipped'; total: number; createdAt: string }
interface Grant { username: string; scopes: Set<string>; expiresAt: number }

/** A query as terms and phrases; an unbalanced double quote is the client's syntax error. */
export function parseQuery(text: string): string[][] {
  const parts: string[][] = [];
  const words = (chunk: string) => chunk.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  let rest = text;
  let offset = 0;
  for (;;) {
    const open = rest.indexOf('"');
    if (open === -1) break;
    const close = rest.indexOf('"', open + 1);
    if (close === -1) throw new ApiError(400, 'invalid_query', `unterminated quoted string at position ${offset + open + 1}`);
    parts.push(...words(rest.slice(0, open)).map((word) => [word]));
    const phrase = words(rest.slice(open + 1, close));
    if (phrase.length > 0) parts.push(phrase);
    offset += close + 1;
    rest = rest.slice(close + 1);
  }
  parts.push(...words(rest).map((word) => [word]));
  return parts;
}

export async function startCatalogApi(): Promise<RunningApi> {
  const description = catalogDescription();
  const validate = validators(description);
  const books = BOOKS.map((book) => ({ ...book }));
  const orders = new Map<string, Order>();
  const grants = new Map<string, Grant>();
  const failures = new Map<string, number[]>();
  const salt = randomBytes(16);
  const hash = (password: string) => scryptSync(password, salt, 32, { N: 1024 });
  const hashes = new Map<string, Buffer>(CATALOG_USERS.map((user) => [user.username, hash(user.password)]));
  // Unknown users are checked against a hash too, so both answers take the same time.
  const decoy = hash(randomBytes(12).toString('hex'));
  let nextOrder = 1000;

  const caller = (request: ApiRequest, scope: string): Grant => {
    const token = /^Bearer ([A-Za-z0-9_-]{20,})$/.exec(request.headers.authorization ?? '')?.[1];
    const grant = token ? grants.get(token) : undefined;
    if (!grant || grant.expiresAt <= Date.now()) throw new ApiError(401, 'invalid_token', 'A valid access token is required.', { 'WWW-Authenticate': 'Bearer realm="catalog", error="invalid_token"' });
    if (!grant.scopes.has(scope)) throw new ApiError(403, 'insufficient_scope', `This operation needs the ${scope} scope.`, { 'WWW-Authenticate': `Bearer realm="catalog", error="insufficient_scope", scope="${scope}"` });
    return grant;
  };
  const publicOrder = ({ owner: _owner, ...order }: Order): Json => ({ ...order });

  const token = (request: ApiRequest): ApiAnswer => {
    requireContentType(request, 'application/x-www-form-urlencoded');
    const form = Object.fromEntries(new URLSearchParams(request.body.toString('utf8')));
    const oauthError = (error: string, description: string) => ({ status: 400, body: { error, error_description: description } });
    if (form.grant_type !== 'password') return oauthError('unsupported_grant_type', 'Only the password grant is supported.');
    try {
      validate.body('/oauth/token', 'post', 'application/x-www-form-urlencoded', form);
    } catch {
      return oauthError('invalid_request', 'username and password are required.');
    }
    const now = Date.now();
    const recent = (failures.get(form.username!) ?? []).filter((at) => now - at < 10 * 60_000);
    failures.set(form.username!, recent);
    if (recent.length >= 5) throw new ApiError(429, 'too_many_attempts', 'Too many failed attempts; try again later.', { 'Retry-After': '600' });
    const expected = hashes.get(form.username!) ?? decoy;
    const matches = timingSafeEqual(hash(form.password!), expected) && hashes.has(form.username!);
    if (!matches) {
      recent.push(now);
      return oauthError('invalid_grant', 'The user name or password is incorrect.');
    }
    const user = CATALOG_USERS.find((candidate) => candidate.username === form.username)!;
    const requested = form.scope ? form.scope.split(' ').filter(Boolean) : [...user.scopes];
    if (requested.some((scope) => !(user.scopes as readonly string[]).includes(scope))) return oauthError('invalid_scope', 'A requested scope is not granted to this user.');
    const accessToken = randomBytes(32).toString('base64url');
    grants.set(accessToken, { username: user.username, scopes: new Set(requested), expiresAt: now + 3600_000 });
    return { status: 200, body: { access_token: accessToken, token_type: 'Bearer', expires_in: 3600, scope: requested.join(' ') } };
  };

  const route = (request: ApiRequest): ApiAnswer => {
    const { method, path, url } = request;
    if (path === '/openapi.json' && method === 'get') return { status: 200, body: description };
    if (path === '/oauth/token' && method === 'post') return token(request);
    if (path === '/books/search' && method === 'get') {
      caller(request, 'catalog:read');
      const query = validate.query(path, method, url);
      const q = String(query.q);
      const parts = parseQuery(q);
      const scored = books
        .map((book) => {
          const text = ` ${`${book.title} ${book.author}`.toLowerCase().split(/[^\p{L}\p{N}]+/u).join(' ')} `;
          return { book, score: parts.filter((part) => text.includes(` ${part.join(' ')} `)).length };
        })
        .filter(({ score }) => score > 0)
        .sort((a, b) => b.score - a.score || a.book.id.localeCompare(b.book.id));
      return { status: 200, body: { query: q, results: scored.slice(0, Number(query.limit ?? 10)).map(({ book }) => book), total: scored.length } };
    }
    if (path === '/books' && method === 'get') {
      caller(request, 'catalog:read');
      const query = validate.query(path, method, url);
      const page = Number(query.page ?? 1);
      const pageSize = Number(query.pageSize ?? 20);
      return { status: 200, body: { data: books.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: books.length } };
    }
    const bookId = /^\/books\/([^/]+)$/.exec(path)?.[1];
    if (bookId !== undefined && method === 'get') {
      caller(request, 'catalog:read');
      const book = books.find((candidate) => candidate.id === decodeURIComponent(bookId));
      if (!book) throw new ApiError(404, 'not_found', 'No such book.');
      return { status: 200, body: book };
    }
    if (path === '/orders' && method === 'get') {
      const grant = caller(request, 'orders:read');
      return { status: 200, body: { data: [...orders.values()].filter((order) => order.owner === grant.username).map(publicOrder) } };
    }
    if (path === '/orders' && method === 'post') {
      const grant = caller(request, 'orders:write');
      requireContentType(request, 'application/json');
      const input = parseJson(request.body) as Json;
      validate.body(path, method, 'application/json', input);
      const book = books.find((candidate) => candidate.id === input.bookId);
      if (!book) throw new ApiError(404, 'not_found', 'No such book.');
      const order: Order = { id: `ord_${nextOrder++}`, owner: grant.username, bookId: book.id, quantity: Number(input.quantity), status: 'placed', total: Math.round(book.price * Number(input.quantity) * 100) / 100, createdAt: new Date().toISOString() };
      if (typeof input.giftMessage === 'string') order.giftMessage = input.giftMessage;
      orders.set(order.id, order);
      return { status: 201, body: publicOrder(order), headers: { Location: `/orders/${order.id}` } };
    }
    const orderId = /^\/orders\/([^/]+)$/.exec(path)?.[1];
    if (orderId !== undefined && method === 'get') {
      const grant = caller(request, 'orders:read');
      const order = orders.get(decodeURIComponent(orderId));
      // Someone else's order does not exist, as far as this caller can tell.
      if (!order || order.owner !== grant.username) throw new ApiError(404, 'not_found', 'No such order.');
      return { status: 200, body: publicOrder(order) };
    }
    if (path === '/admin/orders' && method === 'get') {
      caller(request, 'catalog:admin');
      return { status: 200, body: { data: [...orders.values()].map(publicOrder) } };
    }
    if (path === '/admin/books' && method === 'post') {
      caller(request, 'catalog:admin');
      requireContentType(request, 'application/json');
      const input = parseJson(request.body) as Json;
      validate.body(path, method, 'application/json', input);
      const book = { id: `bk_${books.length + 1}`, title: String(input.title), author: String(input.author), year: Number(input.year), price: Number(input.price) };
      books.push(book);
      return { status: 201, body: book };
    }
    const known = ['/openapi.json', '/oauth/token', '/books/search', '/books', '/orders', '/admin/orders', '/admin/books'].includes(path) || bookId !== undefined || orderId !== undefined;
    throw known ? new ApiError(405, 'method_not_allowed', 'This method is not allowed here.') : new ApiError(404, 'not_found', 'No such resource.');
  };

  return startSecureApi({ description, route, errorStyle: 'json' });
}
