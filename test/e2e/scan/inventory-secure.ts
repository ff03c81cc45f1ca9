/**
 * A secure warehouse inventory API shaped unlike the demo: API keys in a header, numeric ids that
 * are still checked against the caller's tenant, strict JSON schemas (unknown properties are 400),
 * read-only fields accepted on input but never stored, admin routes under /internal (403 for
 * others), a binary attachment upload with a size limit (413), and a health check without
 * authentication by design (`security: []`). Listens on 127.0.0.1 only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError, parseJson, requireContentType, startSecureApi, validators, type ApiAnswer, type ApiRequest, type Json, type RunningApi } from './secure-api-kit.js';

export const INVENTORY_KEYS = [
  { name: 'north', tenant: 't-north', role: 'user', key: 'inv_north_5e1d8c0b2f7a4e96b3d1' },
  { name: 'south', tenant: 't-south', role: 'user', key: 'inv_south_9a2f6b4c1e8d7035a6c2' },
  { name: 'ops', tenant: 't-ops', role: 'admin', key: 'inv_ops_3c7e1a9f5b2d8064e4f7' },
] as const;

export const INVENTORY_SCAN_CONFIG = [
  'scan:',
  '  identities:',
  ...INVENTORY_KEYS.map(({ name, role, key }) => [`    - name: ${name}`, `      role: ${role}`, `      headers: { X-Api-Key: ${key} }`]).flat(),
  '',
].join('\n');

const MAX_ATTACHMENT = 16 * 1024;
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const errors = (...statuses: number[]) => Object.fromEntries([...statuses, 401, 500].map((status) => [String(status), { $ref: `#/components/responses/E${status}` }]));
const itemId = { name: 'itemId', in: 'path', required: true, schema: { type: 'integer', format: 'int64', minimum: 1 } };

export function inventoryDescription(): Json {
  return {
    openapi: '3.0.3',
    info: { title: 'Inventory', version: '3.4.0', 'x-validation-status': 400 },
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
      schemas: {
        Error: { type: 'object', required: ['error', 'message', 'requestId'], properties: { error: { type: 'string' }, message: { type: 'string' }, requestId: { type: 'string' }, errors: { type: 'array', items: { type: 'object' } } } },
        Health: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok', 'degraded'] } } },
        Item: {
          type: 'object', additionalProperties: false, required: ['id', 'sku', 'name', 'quantity', 'location', 'tenantId', 'createdAt'],
          properties: {
            id: { type: 'integer', format: 'int64', readOnly: true },
            sku: { type: 'string', pattern: '^[A-Z]{3}-[0-9]{4}$' },
            name: { type: 'string', minLength: 1, maxLength: 80 },
            quantity: { type: 'integer', minimum: 0, maximum: 1000000 },
            location: { type: 'string', enum: ['aisle-1', 'aisle-2', 'cold-room', 'dock'] },
            hazardous: { type: 'boolean' },
            tenantId: { type: 'string', readOnly: true },
            status: { type: 'string', enum: ['active', 'recalled'], readOnly: true },
            attachmentBytes: { type: 'integer', readOnly: true },
            createdAt: { type: 'string', format: 'date-time', readOnly: true },
          },
        },
        ItemList: { type: 'object', required: ['items', 'limit', 'offset'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } }, limit: { type: 'integer' }, offset: { type: 'integer' } } },
        Stats: { type: 'object', required: ['tenants', 'items'], properties: { tenants: { type: 'integer' }, items: { type: 'integer' } } },
        Recall: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 3, maxLength: 200 } } },
      },
      responses: {
        E400: error('invalid request: unknown properties, wrong types, out of range'),
        E401: error('missing or unknown API key'),
        E403: error('the key may not do this'),
        E404: error('no such item in your tenant'),
        E413: error('the attachment is too large'),
        E415: error('unsupported media type'),
        E500: error('unexpected failure, with a request id'),
      },
    },
    paths: {
      '/health': { get: { operationId: 'health', security: [], responses: { '200': { description: 'up', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } } } } },
      '/items': {
        get: {
          operationId: 'listItems',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 100000, default: 0 } },
            { name: 'location', in: 'query', schema: { type: 'string', enum: ['aisle-1', 'aisle-2', 'cold-room', 'dock'] } },
          ],
          responses: { '200': { description: "your tenant's items", content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemList' } } } }, ...errors(400) },
        },
        post: {
          operationId: 'createItem',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
          responses: { '201': { description: 'created', headers: { Location: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } }, ...errors(400, 415) },
        },
      },
      '/items/{itemId}': {
        get: { operationId: 'getItem', parameters: [itemId], responses: { '200': { description: 'the item', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } }, ...errors(400, 404) } },
        put: {
          operationId: 'replaceItem', parameters: [itemId],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
          responses: { '200': { description: 'replaced', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } }, ...errors(400, 404, 415) },
        },
      },
      '/items/{itemId}/attachment': {
        put: {
          operationId: 'uploadAttachment', parameters: [itemId],
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary', maxLength: MAX_ATTACHMENT } } } },
          responses: { '204': { description: 'stored' }, ...errors(400, 404, 413, 415) },
        },
        get: {
          operationId: 'downloadAttachment', parameters: [itemId],
          responses: { '200': { description: 'the file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, ...errors(400, 404) },
        },
      },
      '/internal/stats': { get: { operationId: 'stats', responses: { '200': { description: 'counts', content: { 'application/json': { schema: { $ref: '#/components/schemas/Stats' } } } }, ...errors(403) } } },
      '/internal/items/{itemId}/recall': {
        post: {
          operationId: 'recallItem', parameters: [itemId],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Recall' } } } },
          responses: { '200': { description: 'recalled', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } }, ...errors(400, 403, 404, 415) },
        },
      },
    },
  };
}

interface Item { id: number; sku: string; name: string; quantity: number; location: string; hazardous?: boolean; tenantId: string; status: 'active' | 'recalled'; attachmentBytes: number; createdAt: string }

export async function startInventoryApi(): Promise<RunningApi> {
  const description = inventoryDescription();
  const validate = validators(description);
  const items = new Map<number, Item>();
  const attachments = new Map<number, Buffer>();
  const digest = (key: string) => createHash('sha256').update(key).digest();
  const keys = INVENTORY_KEYS.map((entry) => ({ ...entry, digest: digest(entry.key) }));
  let nextId = 1;

  const caller = (request: ApiRequest) => {
    const given = digest(String(request.headers['x-api-key'] ?? ''));
    const entry = keys.find((candidate) => timingSafeEqual(candidate.digest, given));
    if (!entry) throw new ApiError(401, 'unauthenticated', 'A valid X-Api-Key header is required.');
    return entry;
  };
  const admin = (request: ApiRequest) => {
    const entry = caller(request);
    if (entry.role !== 'admin') throw new ApiError(403, 'forbidden', 'This key may not use internal operations.');
    return entry;
  };
  const idOf = (raw: string): number => {
    if (!/^[1-9][0-9]{0,15}$/.test(raw)) throw new ApiError(400, 'invalid_request', 'The item id must be a positive integer.');
    return Number(raw);
  };
  // Sequential ids are guessable; what protects an item is this tenant check on every access.
  const own = (tenant: string, raw: string): Item => {
    const item = items.get(idOf(raw));
    if (!item || item.tenantId !== tenant) throw new ApiError(404, 'not_found', 'No such item.');
    return item;
  };
  const input = (request: ApiRequest, path: string, method: string): Json => {
    requireContentType(request, 'application/json');
    const value = parseJson(request.body);
    validate.body(path, method, 'application/json', value);
    return value as Json;
  };
  // Only writable fields are copied; id, tenantId, status, attachmentBytes and createdAt stay the server's.
  const writable = (value: Json) => ({ sku: String(value.sku), name: String(value.name), quantity: Number(value.quantity), location: String(value.location), ...(typeof value.hazardous === 'boolean' ? { hazardous: value.hazardous } : {}) });

  const route = (request: ApiRequest): ApiAnswer => {
    const { method, path, url } = request;
    if (path === '/openapi.json' && method === 'get') return { status: 200, body: description };
    if (path === '/health' && method === 'get') return { status: 200, body: { status: 'ok' } };
    if (path === '/items' && method === 'get') {
      const { tenant } = caller(request);
      const query = validate.query(path, method, url);
      const limit = Number(query.limit ?? 25);
      const offset = Number(query.offset ?? 0);
      const mine = [...items.values()].filter((item) => item.tenantId === tenant && (query.location === undefined || item.location === query.location));
      return { status: 200, body: { items: mine.slice(offset, offset + limit), limit, offset } };
    }
    if (path === '/items' && method === 'post') {
      const { tenant } = caller(request);
      const item: Item = { id: nextId++, ...writable(input(request, path, method)), tenantId: tenant, status: 'active', attachmentBytes: 0, createdAt: new Date().toISOString() };
      items.set(item.id, item);
      return { status: 201, body: item, headers: { Location: `/items/${item.id}` } };
    }
    const itemPath = /^\/items\/([^/]+)$/.exec(path)?.[1];
    if (itemPath !== undefined && method === 'get') return { status: 200, body: own(caller(request).tenant, itemPath) };
    if (itemPath !== undefined && method === 'put') {
      const item = own(caller(request).tenant, itemPath);
      const { hazardous: _previous, ...kept } = item;
      const replaced: Item = { ...kept, ...writable(input(request, '/items/{itemId}', method)) };
      items.set(item.id, replaced);
      return { status: 200, body: replaced };
    }
    const attachmentPath = /^\/items\/([^/]+)\/attachment$/.exec(path)?.[1];
    if (attachmentPath !== undefined && method === 'put') {
      const item = own(caller(request).tenant, attachmentPath);
      requireContentType(request, 'application/octet-stream');
      if (request.body.length === 0) throw new ApiError(400, 'invalid_request', 'The attachment is empty.');
      attachments.set(item.id, request.body);
      item.attachmentBytes = request.body.length;
      return { status: 204 };
    }
    if (attachmentPath !== undefined && method === 'get') {
      const item = own(caller(request).tenant, attachmentPath);
      const data = attachments.get(item.id);
      if (!data) throw new ApiError(404, 'not_found', 'This item has no attachment.');
      // Served as a download, never rendered: the bytes are whatever the client uploaded.
      return { status: 200, raw: { contentType: 'application/octet-stream', data }, headers: { 'Content-Disposition': `attachment; filename="item-${item.id}.bin"` } };
    }
    if (path === '/internal/stats' && method === 'get') {
      admin(request);
      return { status: 200, body: { tenants: new Set([...items.values()].map((item) => item.tenantId)).size, items: items.size } };
    }
    const recallPath = /^\/internal\/items\/([^/]+)\/recall$/.exec(path)?.[1];
    if (recallPath !== undefined && method === 'post') {
      admin(request);
      const item = items.get(idOf(recallPath));
      if (!item) throw new ApiError(404, 'not_found', 'No such item.');
      input(request, '/internal/items/{itemId}/recall', method);
      item.status = 'recalled';
      return { status: 200, body: item };
    }
    throw new ApiError(404, 'not_found', 'No such resource.');
  };

  return startSecureApi({ description, route, errorStyle: 'json', maxBodyBytes: MAX_ATTACHMENT });
}
