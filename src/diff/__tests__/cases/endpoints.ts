import { OP, oas3, withOperation, type DiffCase } from '../harness.js';

const old = (operation: Record<string, unknown> = {}) => oas3({ paths: { '/old': { get: { responses: { '200': { description: 'ok' } }, ...operation } } } });
const OLD = '/paths/~1old/get';

/** Endpoints, lifecycle (deprecation, sunset) and the operation's identity (operationId, tags). */
export const endpointCases: DiffCase[] = [
  {
    name: 'a new endpoint is news',
    base: oas3(),
    revision: old(),
    expected: [{ id: 'endpoint-added', level: 'info', message: 'GET /old: endpoint added', at: `revision.yaml#${OLD}` }],
  },
  {
    name: 'removing an endpoint never deprecated breaks clients',
    base: old(),
    revision: oas3(),
    expected: [{ id: 'endpoint-removed-without-deprecation', level: 'breaking', message: 'GET /old: endpoint removed without being deprecated first', at: `base.yaml#${OLD}` }],
  },
  {
    name: 'without the deprecation policy a removal is still breaking, under its plain id',
    base: old(),
    revision: oas3(),
    options: { policy: { requireDeprecation: false } },
    expected: [{ id: 'endpoint-removed', level: 'breaking', message: 'GET /old: endpoint removed', at: `base.yaml#${OLD}` }],
  },
  {
    name: 'removing a deprecated endpoint before its announced sunset breaks clients',
    base: old({ deprecated: true, 'x-sunset': '2027-01-01' }),
    revision: oas3(),
    expected: [{ id: 'endpoint-removed-before-sunset', level: 'breaking', message: 'GET /old: endpoint removed before its sunset date 2027-01-01', at: `base.yaml#${OLD}` }],
  },
  {
    name: 'removing a deprecated endpoint after its sunset is planned',
    base: old({ deprecated: true, 'x-sunset': '2026-01-01' }),
    revision: oas3(),
    expected: [{ id: 'endpoint-removed-after-deprecation', level: 'info', message: 'GET /old: deprecated endpoint removed', at: `base.yaml#${OLD}` }],
  },
  {
    name: 'a sunset announced by a documented Sunset header counts',
    base: old({ deprecated: true, responses: { '200': { description: 'ok', headers: { Sunset: { schema: { type: 'string', default: '2030-01-01' } } } } } }),
    revision: oas3(),
    expected: [{ id: 'endpoint-removed-before-sunset', level: 'breaking', message: 'GET /old: endpoint removed before its sunset date 2030-01-01', at: `base.yaml#${OLD}` }],
  },
  {
    name: 'the sunset policy refuses removing a deprecated endpoint that never announced a date',
    base: old({ deprecated: true }),
    revision: oas3(),
    options: { policy: { requireSunset: true } },
    expected: [{ id: 'endpoint-removed-without-sunset', level: 'breaking', message: 'GET /old: deprecated endpoint removed, but it never announced a sunset date', at: `base.yaml#${OLD}` }],
  },
  {
    name: 'deprecating with a sunset date',
    base: old(),
    revision: old({ deprecated: true, 'x-sunset': '2027-01-01' }),
    expected: [{ id: 'endpoint-deprecated', level: 'info', message: 'GET /old: endpoint deprecated (sunset 2027-01-01)', at: `revision.yaml#${OLD}`, related: `base.yaml#${OLD}` }],
  },
  {
    name: 'moving the sunset of a deprecated endpoint earlier shortens the migration clients planned',
    base: old({ deprecated: true, 'x-sunset': '2027-01-01' }),
    revision: old({ deprecated: true, 'x-sunset': '2026-09-01' }),
    expected: [{ id: 'endpoint-sunset-moved-earlier', level: 'warning', message: 'GET /old: sunset of the deprecated endpoint moved earlier, from 2027-01-01 to 2026-09-01', at: `revision.yaml#${OLD}`, related: `base.yaml#${OLD}` }],
  },
  {
    name: 'moving the sunset later gives clients more time and is not reported',
    base: old({ deprecated: true, 'x-sunset': '2026-09-01' }),
    revision: old({ deprecated: true, 'x-sunset': '2027-01-01' }),
    expected: [],
  },
  {
    name: 'deprecating without a sunset date leaves clients guessing',
    base: old(),
    revision: old({ deprecated: true }),
    expected: [
      {
        id: 'endpoint-deprecated-without-sunset',
        level: 'warning',
        message: 'GET /old: endpoint deprecated without a sunset date (add x-sunset or document a Sunset header)',
        at: `revision.yaml#${OLD}`,
        related: `base.yaml#${OLD}`,
      },
    ],
  },
  {
    name: 'un-deprecating an endpoint',
    base: old({ deprecated: true }),
    revision: old(),
    expected: [{ id: 'endpoint-reactivated', level: 'info', message: 'GET /old: endpoint is no longer deprecated', at: `revision.yaml#${OLD}`, related: `base.yaml#${OLD}` }],
  },
  {
    name: 'deprecating a parameter',
    base: withOperation({ parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] }),
    revision: withOperation({ parameters: [{ name: 'q', in: 'query', deprecated: true, schema: { type: 'string' } }] }),
    expected: [
      { id: 'request-parameter-deprecated', level: 'info', message: 'POST /items: request parameter "q" (query) deprecated', at: `revision.yaml#${OP}/parameters/0`, related: `base.yaml#${OP}/parameters/0` },
    ],
  },
  {
    name: 'un-deprecating a parameter',
    base: withOperation({ parameters: [{ name: 'q', in: 'query', deprecated: true, schema: { type: 'string' } }] }),
    revision: withOperation({ parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] }),
    expected: [
      { id: 'request-parameter-reactivated', level: 'info', message: 'POST /items: request parameter "q" (query) is no longer deprecated', at: `revision.yaml#${OP}/parameters/0`, related: `base.yaml#${OP}/parameters/0` },
    ],
  },
  {
    name: 'deprecating a header parameter whose name changed letter case is still one parameter',
    base: withOperation({ parameters: [{ name: 'X-Trace', in: 'header', schema: { type: 'string' } }] }),
    revision: withOperation({ parameters: [{ name: 'x-trace', in: 'header', deprecated: true, schema: { type: 'string' } }] }),
    expected: [
      { id: 'request-parameter-deprecated', level: 'info', message: 'POST /items: request parameter "x-trace" (header) deprecated', at: `revision.yaml#${OP}/parameters/0`, related: `base.yaml#${OP}/parameters/0` },
    ],
  },
  {
    name: 'deprecating a response header, named in another letter case',
    base: withOperation({ responses: { '200': { description: 'ok', headers: { 'X-Rate-Limit': { schema: { type: 'integer' } } } } } }),
    revision: withOperation({ responses: { '200': { description: 'ok', headers: { 'x-rate-limit': { deprecated: true, schema: { type: 'integer' } } } } } }),
    expected: [
      {
        id: 'response-header-deprecated',
        level: 'info',
        message: 'POST /items: response 200 header "x-rate-limit" deprecated',
        at: `revision.yaml#${OP}/responses/200/headers/x-rate-limit`,
        related: `base.yaml#${OP}/responses/200/headers/X-Rate-Limit`,
      },
    ],
  },
  {
    name: 'un-deprecating a response header',
    base: withOperation({ responses: { '200': { description: 'ok', headers: { 'X-Rate-Limit': { deprecated: true, schema: { type: 'integer' } } } } } }),
    revision: withOperation({ responses: { '200': { description: 'ok', headers: { 'X-Rate-Limit': { schema: { type: 'integer' } } } } } }),
    expected: [
      {
        id: 'response-header-reactivated',
        level: 'info',
        message: 'POST /items: response 200 header "X-Rate-Limit" is no longer deprecated',
        at: `revision.yaml#${OP}/responses/200/headers/X-Rate-Limit`,
        related: `base.yaml#${OP}/responses/200/headers/X-Rate-Limit`,
      },
    ],
  },
  {
    name: 'renaming an operationId breaks generated SDKs',
    base: withOperation({ operationId: 'createItem' }),
    revision: withOperation({ operationId: 'addItem' }),
    expected: [{ id: 'operation-id-changed', level: 'breaking', message: 'POST /items: operationId changed from "createItem" to "addItem"', at: `revision.yaml#${OP}`, related: `base.yaml#${OP}` }],
  },
  {
    name: 'dropping an operationId',
    base: withOperation({ operationId: 'createItem' }),
    revision: withOperation({}),
    expected: [{ id: 'operation-id-removed', level: 'breaking', message: 'POST /items: operationId "createItem" removed', at: `base.yaml#${OP}`, related: `revision.yaml#${OP}` }],
  },
  {
    name: 'giving an operation an operationId',
    base: withOperation({}),
    revision: withOperation({ operationId: 'createItem' }),
    expected: [{ id: 'operation-id-added', level: 'info', message: 'POST /items: operationId "createItem" added', at: `revision.yaml#${OP}`, related: `base.yaml#${OP}` }],
  },
  {
    name: 'moving an operation to another tag',
    base: withOperation({ tags: ['items'] }),
    revision: withOperation({ tags: ['catalogue'] }),
    expected: [
      { id: 'operation-tag-removed', level: 'breaking', message: 'POST /items: tag "items" removed', at: `base.yaml#${OP}`, related: `revision.yaml#${OP}` },
      { id: 'operation-tag-added', level: 'info', message: 'POST /items: tag "catalogue" added', at: `revision.yaml#${OP}`, related: `base.yaml#${OP}` },
    ],
  },
];
