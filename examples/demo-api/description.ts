/**
 * The demo API's OpenAPI 3.0 description. It is accurate for both modes: where the vulnerable mode
 * differs in behaviour (see README.md), the description still says what the API is meant to do,
 * which is what the scanner checks the running API against.
 */
type Json = Record<string, unknown>;

/** Display names: words of letters separated by single spaces (a linear-time pattern), at most 26 characters. */
export const DISPLAY_NAME_PATTERN = '^[A-Za-z]+( [A-Za-z]+)*$';
export const DISPLAY_NAME_MAX = 26;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json, description = 'OK'): Json => ({ description, content: { 'application/json': { schema } } });
const errorResponse = { description: 'Error', content: { 'application/json': { schema: ref('Error') } } };
const idParam = (name: string): Json => ({ name, in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z]+_[0-9]+$', maxLength: 40 } });
const body = (schema: Json): Json => ({ required: true, content: { 'application/json': { schema } } });
const secured = [{ bearerAuth: [] }];
const adminOnly = [{ bearerAuth: ['admin'] }];

export function demoDescription(): Json {
  return {
    openapi: '3.0.3',
    info: { title: 'Rampart demo bank', version: '1.0.0', description: 'A small API with users, accounts, orders, an admin area and imports.' },
    servers: [{ url: 'http://127.0.0.1:8080' }],
    security: secured,
    tags: [{ name: 'auth' }, { name: 'users' }, { name: 'accounts' }, { name: 'orders' }, { name: 'products' }, { name: 'imports' }, { name: 'files' }, { name: 'diagnostics' }, { name: 'admin' }],
    paths: {
      '/health': { get: { operationId: 'health', tags: ['users'], security: [], responses: { '200': json({ type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } }), default: errorResponse } } },
      '/auth/login': {
        post: {
          operationId: 'login', tags: ['auth'], security: [],
          requestBody: body({ type: 'object', additionalProperties: false, required: ['username', 'password'], properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 128, writeOnly: true } } }),
          responses: { '200': json(ref('Token')), '401': errorResponse, '429': errorResponse, default: errorResponse },
        },
      },
      '/auth/password-reset': {
        post: {
          operationId: 'requestPasswordReset', tags: ['auth'], security: [],
          requestBody: body({ type: 'object', additionalProperties: false, required: ['email'], properties: { email: { type: 'string', format: 'email', maxLength: 254 } } }),
          responses: { '202': json({ type: 'object', required: ['status'], properties: { status: { type: 'string' } } }, 'Accepted'), default: errorResponse },
        },
      },
      '/auth/logout': {
        get: {
          operationId: 'logout', tags: ['auth'], security: [],
          parameters: [{ name: 'next', in: 'query', required: false, description: 'A path on this site to go to afterwards.', schema: { type: 'string', maxLength: 200 } }],
          responses: { '302': { description: 'Redirect', headers: { Location: { schema: { type: 'string' } } } }, default: errorResponse },
        },
      },
      '/users/me': {
        get: { operationId: 'getMe', tags: ['users'], responses: { '200': json(ref('User')), default: errorResponse } },
        patch: {
          operationId: 'updateMe', tags: ['users'],
          requestBody: body({ type: 'object', additionalProperties: false, properties: { displayName: { type: 'string', maxLength: 64 }, email: { type: 'string', format: 'email', maxLength: 254 } } }),
          responses: { '200': json(ref('User')), default: errorResponse },
        },
      },
      '/accounts': {
        get: { operationId: 'listAccounts', tags: ['accounts'], responses: { '200': json({ type: 'array', items: ref('Account') }), default: errorResponse } },
        post: { operationId: 'createAccount', tags: ['accounts'], requestBody: body(ref('Account')), responses: { '201': json(ref('Account'), 'Created'), default: errorResponse } },
      },
      '/accounts/{accountId}': {
        parameters: [idParam('accountId')],
        get: { operationId: 'getAccount', tags: ['accounts'], responses: { '200': json(ref('Account')), default: errorResponse } },
        patch: {
          operationId: 'renameAccount', tags: ['accounts'],
          requestBody: body({ type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 64 } } }),
          responses: { '200': json(ref('Account')), default: errorResponse },
        },
        delete: { operationId: 'deleteAccount', tags: ['accounts'], responses: { '204': { description: 'Deleted' }, default: errorResponse } },
      },
      '/orders': {
        get: {
          operationId: 'listOrders', tags: ['orders'],
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 100000, default: 0 } },
          ],
          responses: { '200': json({ type: 'object', required: ['items', 'limit', 'offset', 'total'], properties: { items: { type: 'array', items: ref('Order') }, limit: { type: 'integer' }, offset: { type: 'integer' }, total: { type: 'integer' } } }), default: errorResponse },
        },
        post: { operationId: 'createOrder', tags: ['orders'], requestBody: body(ref('Order')), responses: { '201': json(ref('Order'), 'Created'), default: errorResponse } },
      },
      '/orders/{orderId}': {
        parameters: [idParam('orderId')],
        get: { operationId: 'getOrder', tags: ['orders'], responses: { '200': json(ref('Order')), default: errorResponse } },
      },
      '/products': {
        get: {
          operationId: 'searchProducts', tags: ['products'], security: [],
          parameters: [{ name: 'search', in: 'query', schema: { type: 'string', maxLength: 64 } }],
          responses: { '200': json({ type: 'array', items: ref('Product') }), default: errorResponse },
        },
      },
      '/products/{productId}': {
        parameters: [idParam('productId')],
        get: { operationId: 'getProduct', tags: ['products'], security: [], responses: { '200': json(ref('Product')), default: errorResponse } },
      },
      '/imports': {
        post: {
          operationId: 'importFromUrl', tags: ['imports'],
          description: 'Fetches a CSV file from a partner URL and imports it.',
          requestBody: body({ type: 'object', additionalProperties: false, required: ['url'], properties: { url: { type: 'string', format: 'uri', maxLength: 2000 } } }),
          responses: { '202': json(ref('Import'), 'Accepted'), default: errorResponse },
        },
      },
      '/files/{fileName}': {
        get: {
          operationId: 'getFile', tags: ['files'],
          parameters: [{ name: 'fileName', in: 'path', required: true, schema: { type: 'string', maxLength: 100 } }],
          responses: { '200': { description: 'The file', content: { 'text/plain': { schema: { type: 'string' } } } }, default: errorResponse },
        },
      },
      '/diagnostics/ping': {
        post: {
          operationId: 'pingHost', tags: ['diagnostics'],
          description: 'Checks whether a partner host answers a ping. Only reachability is returned.',
          requestBody: body({ type: 'object', additionalProperties: false, required: ['host'], properties: { host: { type: 'string', minLength: 1, maxLength: 253, description: 'A host name or IPv4 address.' } } }),
          responses: { '200': json(ref('Ping')), default: errorResponse },
        },
      },
      '/display-names/validate': {
        get: {
          operationId: 'validateDisplayName', tags: ['users'], security: [],
          description: 'Checks a display name before sign-up: letters, words separated by single spaces.',
          parameters: [{ name: 'displayName', in: 'query', required: true, schema: { type: 'string', minLength: 1, maxLength: DISPLAY_NAME_MAX, pattern: DISPLAY_NAME_PATTERN } }],
          responses: { '200': json(ref('DisplayNameCheck')), '400': errorResponse, default: errorResponse },
        },
      },
      '/admin/users': {
        get: { operationId: 'adminListUsers', tags: ['admin'], security: adminOnly, responses: { '200': json({ type: 'array', items: ref('User') }), default: errorResponse } },
      },
      '/admin/users/{userId}': {
        parameters: [idParam('userId')],
        delete: { operationId: 'adminDeleteUser', tags: ['admin'], security: adminOnly, responses: { '204': { description: 'Deleted' }, default: errorResponse } },
      },
    },
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
        Token: { type: 'object', required: ['token', 'tokenType', 'expiresIn'], properties: { token: { type: 'string' }, tokenType: { type: 'string', enum: ['Bearer'] }, expiresIn: { type: 'integer' } } },
        User: {
          type: 'object', required: ['id', 'username', 'email', 'role'],
          properties: {
            id: { type: 'string', readOnly: true }, username: { type: 'string', readOnly: true }, email: { type: 'string', format: 'email' },
            displayName: { type: 'string' }, role: { type: 'string', enum: ['user', 'admin'], readOnly: true },
          },
        },
        Account: {
          type: 'object', additionalProperties: false, required: ['name', 'currency'],
          properties: {
            id: { type: 'string', readOnly: true }, ownerId: { type: 'string', readOnly: true },
            name: { type: 'string', minLength: 1, maxLength: 64 }, currency: { type: 'string', enum: ['EUR', 'USD'] },
            balance: { type: 'number', readOnly: true },
          },
        },
        Order: {
          type: 'object', additionalProperties: false, required: ['accountId', 'item', 'quantity'],
          properties: {
            id: { type: 'string', readOnly: true }, accountId: { type: 'string', pattern: '^acc_[0-9]+$' },
            item: { type: 'string', minLength: 1, maxLength: 64 }, quantity: { type: 'integer', minimum: 1, maximum: 100 },
            total: { type: 'number', readOnly: true }, status: { type: 'string', enum: ['new', 'paid'], readOnly: true },
          },
        },
        Product: { type: 'object', required: ['id', 'name', 'price'], properties: { id: { type: 'string' }, name: { type: 'string' }, price: { type: 'number' } } },
        Ping: { type: 'object', required: ['host', 'reachable'], properties: { host: { type: 'string' }, reachable: { type: 'boolean' } } },
        DisplayNameCheck: { type: 'object', required: ['displayName', 'valid'], properties: { displayName: { type: 'string' }, valid: { type: 'boolean' } } },
        Import: { type: 'object', required: ['id', 'status'], properties: { id: { type: 'string' }, status: { type: 'string', enum: ['done', 'failed'] }, bytes: { type: 'integer' } } },
      },
    },
  };
}
