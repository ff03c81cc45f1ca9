import { OP, oas3, withOperation, type DiffCase } from '../harness.js';

const params = (...parameters: Record<string, unknown>[]) => withOperation({ parameters });
const query = (name: string, extra: Record<string, unknown> = {}) => ({ name, in: 'query', schema: { type: 'string' }, ...extra });
const byPath = (path: string, name: string) => oas3({ paths: { [path]: { get: { parameters: [{ name, in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } } });

/** Parameters: presence, requiredness, location and name. */
export const parameterCases: DiffCase[] = [
  {
    name: 'a new required parameter breaks existing calls',
    base: params(),
    revision: params(query('q', { required: true })),
    expected: [{ id: 'request-parameter-added-required', level: 'breaking', message: 'POST /items: required request parameter "q" (query) added', at: `revision.yaml#${OP}/parameters/0`, related: `base.yaml#${OP}` }],
  },
  {
    name: 'a new required parameter with a default is harmless (oasdiff#549)',
    base: params(),
    revision: params({ name: 'q', in: 'query', required: true, schema: { type: 'string', default: 'all' } }),
    expected: [{ id: 'request-parameter-added', level: 'info', message: 'POST /items: optional request parameter "q" (query) added', at: `revision.yaml#${OP}/parameters/0`, related: `base.yaml#${OP}` }],
  },
  {
    name: 'removing a parameter',
    base: params(query('q')),
    revision: params(),
    expected: [{ id: 'request-parameter-removed', level: 'warning', message: 'POST /items: request parameter "q" (query) removed', at: `base.yaml#${OP}/parameters/0`, related: `revision.yaml#${OP}` }],
  },
  {
    name: 'an optional parameter becoming required',
    base: params(query('q')),
    revision: params(query('q', { required: true })),
    expected: [{ id: 'request-parameter-became-required', level: 'breaking', message: 'POST /items: request parameter "q" (query) became required', at: `revision.yaml#${OP}/parameters/0`, related: `base.yaml#${OP}/parameters/0` }],
  },
  {
    name: 'becoming required with a default is not breaking (only the new default is news)',
    base: params(query('q')),
    revision: params(query('q', { required: true, schema: { type: 'string', default: 'x' } })),
    expected: [{ id: 'request-parameter-default-added', level: 'info', message: 'POST /items: request parameter "q" (query) default "x" added', at: `revision.yaml#${OP}/parameters/0/schema`, related: `base.yaml#${OP}/parameters/0/schema` }],
  },
  {
    name: 'a required parameter losing its default becomes required in effect',
    base: params(query('q', { required: true, schema: { type: 'string', default: 'x' } })),
    revision: params(query('q', { required: true })),
    expected: [
      { id: 'request-parameter-default-removed', level: 'warning', message: 'POST /items: request parameter "q" (query) default "x" removed', at: `base.yaml#${OP}/parameters/0/schema`, related: `revision.yaml#${OP}/parameters/0/schema` },
      { id: 'request-parameter-became-required', level: 'breaking', message: 'POST /items: request parameter "q" (query) became required', at: `revision.yaml#${OP}/parameters/0`, related: `base.yaml#${OP}/parameters/0` },
    ],
  },
  {
    name: 'a query array written exploded and then pipe-delimited is another wire format',
    base: params(query('ids', { schema: { type: 'array', items: { type: 'string' } } })),
    revision: params(query('ids', { style: 'pipeDelimited', schema: { type: 'array', items: { type: 'string' } } })),
    expected: [
      {
        id: 'request-parameter-serialization-changed',
        level: 'breaking',
        message: 'POST /items: request parameter "ids" (query) serialization changed from form (explode: true) to pipeDelimited (explode: false)',
        at: `revision.yaml#${OP}/parameters/0`,
        related: `base.yaml#${OP}/parameters/0`,
      },
    ],
  },
  {
    name: 'explode on a single string changes nothing on the wire',
    base: params(query('q')),
    revision: params(query('q', { explode: false })),
    expected: [],
  },
  {
    name: 'explode on a header array changes nothing on the wire (simple style writes a,b,c either way)',
    base: params({ name: 'ids', in: 'header', schema: { type: 'array', items: { type: 'string' } } }),
    revision: params({ name: 'ids', in: 'header', explode: true, schema: { type: 'array', items: { type: 'string' } } }),
    expected: [],
  },
  {
    name: 'explode on a header object changes the wire format (role=admin,id=5 instead of role,admin,id,5)',
    base: params({ name: 'filter', in: 'header', schema: { type: 'object' } }),
    revision: params({ name: 'filter', in: 'header', explode: true, schema: { type: 'object' } }),
    expected: [
      {
        id: 'request-parameter-serialization-changed',
        level: 'breaking',
        message: 'POST /items: request parameter "filter" (header) serialization changed from simple (explode: false) to simple (explode: true)',
        at: `revision.yaml#${OP}/parameters/0`,
        related: `base.yaml#${OP}/parameters/0`,
      },
    ],
  },
  {
    name: 'a path value in matrix style instead of simple changes the URL even for one string',
    base: oas3({ paths: { '/items/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } } }),
    revision: oas3({ paths: { '/items/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, style: 'matrix', schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } } }),
    expected: [
      {
        id: 'request-parameter-serialization-changed',
        level: 'breaking',
        message: 'GET /items/{id}: request parameter "id" (path) serialization changed from simple (explode: false) to matrix (explode: false)',
        at: 'revision.yaml#/paths/~1items~1{id}/get/parameters/0',
        related: 'base.yaml#/paths/~1items~1{id}/get/parameters/0',
      },
    ],
  },
  {
    name: 'Swagger 2.0 csv and OpenAPI 3 form without explode are the same wire format',
    base: { swagger: '2.0', info: { title: 'T', version: '1' }, paths: { '/items': { get: { parameters: [{ name: 'ids', in: 'query', type: 'array', items: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } } },
    revision: oas3({ paths: { '/items': { get: { parameters: [{ name: 'ids', in: 'query', explode: false, schema: { type: 'array', items: { type: 'string' } } }], responses: { '200': { description: 'ok' } } } } } }),
    expected: [],
  },
  {
    name: 'a required parameter becoming optional',
    base: params(query('q', { required: true })),
    revision: params(query('q')),
    expected: [{ id: 'request-parameter-became-optional', level: 'info', message: 'POST /items: request parameter "q" (query) became optional', at: `revision.yaml#${OP}/parameters/0`, related: `base.yaml#${OP}/parameters/0` }],
  },
  {
    name: 'a parameter moving from the query to a header',
    base: params(query('token')),
    revision: params({ name: 'token', in: 'header', schema: { type: 'string' } }),
    expected: [{ id: 'request-parameter-moved', level: 'breaking', message: 'POST /items: request parameter "token" moved from query to header', at: `revision.yaml#${OP}/parameters/0`, related: `base.yaml#${OP}/parameters/0` }],
  },
  {
    name: 'a query parameter renamed with the same schema is a rename, not a remove and an add',
    base: params(query('q')),
    revision: params(query('search')),
    expected: [{ id: 'request-parameter-renamed', level: 'breaking', message: 'POST /items: request parameter "q" (query) renamed to "search"', at: `revision.yaml#${OP}/parameters/0`, related: `base.yaml#${OP}/parameters/0` }],
  },
  {
    name: 'a header name in other letter case is the same header (HTTP header names are case-insensitive)',
    base: params({ name: 'X-Request-Id', in: 'header', schema: { type: 'string' } }),
    revision: params({ name: 'x-request-id', in: 'header', schema: { type: 'string' } }),
    expected: [],
  },
  {
    name: 'a header in other letter case that became required is still one header',
    base: params({ name: 'X-Request-Id', in: 'header', schema: { type: 'string' } }),
    revision: params({ name: 'x-request-id', in: 'header', required: true, schema: { type: 'string' } }),
    expected: [{ id: 'request-parameter-became-required', level: 'breaking', message: 'POST /items: request parameter "x-request-id" (header) became required', at: `revision.yaml#${OP}/parameters/0`, related: `base.yaml#${OP}/parameters/0` }],
  },
  {
    name: 'a query parameter in other letter case is another parameter (query names are case-sensitive)',
    base: params(query('Q')),
    revision: params(query('q')),
    expected: [{ id: 'request-parameter-renamed', level: 'breaking', message: 'POST /items: request parameter "Q" (query) renamed to "q"', at: `revision.yaml#${OP}/parameters/0`, related: `base.yaml#${OP}/parameters/0` }],
  },
  {
    name: 'a renamed path parameter keeps the endpoint',
    base: byPath('/users/{id}', 'id'),
    revision: byPath('/users/{userId}', 'userId'),
    expected: [
      {
        id: 'request-path-parameter-renamed',
        level: 'warning',
        message: 'GET /users/{userId}: path parameter "id" renamed to "userId"',
        at: 'revision.yaml#/paths/~1users~1{userId}/get/parameters/0',
        related: 'base.yaml#/paths/~1users~1{id}/get/parameters/0',
      },
    ],
  },
  {
    name: 'path-level parameters merge with operation-level ones, which win by name and location',
    base: oas3({ paths: { '/items': { parameters: [query('q')], post: { responses: { '200': { description: 'ok' } } } } } }),
    revision: oas3({ paths: { '/items': { parameters: [query('q')], post: { parameters: [query('q', { required: true })], responses: { '200': { description: 'ok' } } } } } }),
    expected: [{ id: 'request-parameter-became-required', level: 'breaking', message: 'POST /items: request parameter "q" (query) became required', at: `revision.yaml#${OP}/parameters/0`, related: 'base.yaml#/paths/~1items/parameters/0' }],
  },
];
