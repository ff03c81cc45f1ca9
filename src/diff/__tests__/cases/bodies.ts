import { OP, withOperation, type DiffCase } from '../harness.js';

const json = (schema: Record<string, unknown> = { type: 'object' }) => ({ 'application/json': { schema } });
const body = (requestBody?: Record<string, unknown>) => withOperation(requestBody ? { requestBody } : {});
const responses = (map: Record<string, unknown>) => withOperation({ responses: map });
const RB = `${OP}/requestBody`;

/** Request bodies and responses as wholes: presence, requiredness, media types, statuses, headers. */
export const bodyCases: DiffCase[] = [
  {
    name: 'a new required request body',
    base: body(),
    revision: body({ required: true, content: json() }),
    expected: [{ id: 'request-body-added-required', level: 'breaking', message: 'POST /items: required request body added', at: `revision.yaml#${RB}`, related: `base.yaml#${OP}` }],
  },
  {
    name: 'a new optional request body',
    base: body(),
    revision: body({ content: json() }),
    expected: [{ id: 'request-body-added', level: 'info', message: 'POST /items: optional request body added', at: `revision.yaml#${RB}`, related: `base.yaml#${OP}` }],
  },
  {
    name: 'the request body removed',
    base: body({ content: json() }),
    revision: body(),
    expected: [{ id: 'request-body-removed', level: 'warning', message: 'POST /items: request body removed', at: `base.yaml#${RB}`, related: `revision.yaml#${OP}` }],
  },
  {
    name: 'the request body becoming required',
    base: body({ content: json() }),
    revision: body({ required: true, content: json() }),
    expected: [{ id: 'request-body-became-required', level: 'breaking', message: 'POST /items: request body became required', at: `revision.yaml#${RB}`, related: `base.yaml#${RB}` }],
  },
  {
    name: 'the request body becoming optional',
    base: body({ required: true, content: json() }),
    revision: body({ content: json() }),
    expected: [{ id: 'request-body-became-optional', level: 'info', message: 'POST /items: request body became optional', at: `revision.yaml#${RB}`, related: `base.yaml#${RB}` }],
  },
  {
    name: 'a request media type dropped and another added',
    base: body({ content: json() }),
    revision: body({ content: { 'application/xml': { schema: { type: 'object' } } } }),
    expected: [
      { id: 'request-body-media-type-removed', level: 'breaking', message: 'POST /items: request body no longer accepts media type application/json', at: `base.yaml#${RB}/content/application~1json`, related: `revision.yaml#${RB}` },
      { id: 'request-body-media-type-added', level: 'info', message: 'POST /items: request body accepts media type application/xml', at: `revision.yaml#${RB}/content/application~1xml`, related: `base.yaml#${RB}` },
    ],
  },
  {
    name: 'a success status removed',
    base: responses({ '201': { description: 'created' } }),
    revision: responses({ '202': { description: 'accepted' } }),
    expected: [
      { id: 'response-success-status-removed', level: 'breaking', message: 'POST /items: success response 201 removed', at: `base.yaml#${OP}/responses/201`, related: `revision.yaml#${OP}` },
      { id: 'response-status-added', level: 'info', message: 'POST /items: response 202 added', at: `revision.yaml#${OP}/responses/202`, related: `base.yaml#${OP}` },
    ],
  },
  {
    name: 'an error status removed',
    base: responses({ '200': { description: 'ok' }, '404': { description: 'missing' } }),
    revision: responses({ '200': { description: 'ok' } }),
    expected: [{ id: 'response-status-removed', level: 'warning', message: 'POST /items: response 404 removed', at: `base.yaml#${OP}/responses/404`, related: `revision.yaml#${OP}` }],
  },
  {
    name: 'a response media type dropped and another added',
    base: responses({ '200': { description: 'ok', content: json() } }),
    revision: responses({ '200': { description: 'ok', content: { 'text/csv': { schema: { type: 'string' } } } } }),
    expected: [
      { id: 'response-media-type-removed', level: 'breaking', message: 'POST /items: response 200 no longer offers media type application/json', at: `base.yaml#${OP}/responses/200/content/application~1json`, related: `revision.yaml#${OP}/responses/200` },
      { id: 'response-media-type-added', level: 'info', message: 'POST /items: response 200 offers media type text/csv', at: `revision.yaml#${OP}/responses/200/content/text~1csv`, related: `base.yaml#${OP}/responses/200` },
    ],
  },
  {
    name: 'response headers removed (required and optional) and added',
    base: responses({ '200': { description: 'ok', headers: { 'X-Rate': { required: true, schema: { type: 'integer' } }, 'X-Trace': { schema: { type: 'string' } } } } }),
    revision: responses({ '200': { description: 'ok', headers: { 'X-Request-Id': { schema: { type: 'string' } } } } }),
    expected: [
      { id: 'response-required-header-removed', level: 'breaking', message: 'POST /items: response 200 no longer sends required header "X-Rate"', at: `base.yaml#${OP}/responses/200/headers/X-Rate`, related: `revision.yaml#${OP}/responses/200` },
      { id: 'response-optional-header-removed', level: 'warning', message: 'POST /items: response 200 no longer documents header "X-Trace"', at: `base.yaml#${OP}/responses/200/headers/X-Trace`, related: `revision.yaml#${OP}/responses/200` },
      { id: 'response-header-added', level: 'info', message: 'POST /items: response 200 documents header "X-Request-Id"', at: `revision.yaml#${OP}/responses/200/headers/X-Request-Id`, related: `base.yaml#${OP}/responses/200` },
    ],
  },
  {
    name: 'a required response header becoming optional',
    base: responses({ '200': { description: 'ok', headers: { 'X-Rate': { required: true, schema: { type: 'integer' } } } } }),
    revision: responses({ '200': { description: 'ok', headers: { 'x-rate': { schema: { type: 'integer' } } } } }),
    expected: [{ id: 'response-header-became-optional', level: 'breaking', message: 'POST /items: response 200 header "X-Rate" became optional', at: `revision.yaml#${OP}/responses/200/headers/x-rate`, related: `base.yaml#${OP}/responses/200/headers/X-Rate` }],
  },
];
