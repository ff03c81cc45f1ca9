import { UNMODELLED_KEYWORDS } from '../../../spec/api.js';
import type { DiffCase, ExpectedChange } from '../harness.js';

/** Two different values of each keyword the model keeps only as text. */
const VALUES: Record<(typeof UNMODELLED_KEYWORDS)[number], [unknown, unknown]> = {
  not: [{ type: 'string' }, { type: 'integer' }],
  if: [{ properties: { kind: { const: 'a' } } }, { properties: { kind: { const: 'b' } } }],
  then: [{ required: ['a'] }, { required: ['b'] }],
  else: [{ required: ['a'] }, { required: ['c'] }],
  contains: [{ type: 'string' }, { type: 'integer' }],
  minContains: [1, 2],
  maxContains: [3, 4],
  dependentRequired: [{ card: ['billing'] }, { card: ['billing', 'cvc'] }],
  dependentSchemas: [{ card: { required: ['billing'] } }, { card: { required: ['cvc'] } }],
  patternProperties: [{ '^x-': { type: 'string' } }, { '^x-': { type: 'integer' } }],
  propertyNames: [{ pattern: '^[a-z]+$' }, { maxLength: 10 }],
  unevaluatedItems: [false, { type: 'string' }],
  contentMediaType: ['application/json', 'image/png'],
  contentEncoding: ['base64', 'base32'],
  contentSchema: [{ type: 'object' }, { type: 'array' }],
};

const OP = '/paths/~1items/post';
const BODY = `${OP}/requestBody/content/application~1json/schema`;
const OK = `${OP}/responses/200/content/application~1json/schema`;

/** `POST /items` (OpenAPI 3.1) with `request` as its body and `response` as its 200 body. */
const api = (request: unknown, response: unknown, extra: Record<string, unknown> = {}) => ({
  openapi: '3.1.0',
  info: { title: 'Items', version: '1.0.0' },
  paths: { '/items': { post: { requestBody: { content: { 'application/json': { schema: request } } }, responses: { '200': { description: 'ok', content: { 'application/json': { schema: response } } } } } } },
  ...extra,
});

const TAIL = 'Rampart does not judge whether this breaks clients: review it';
const SIDES = [
  { name: 'request', id: 'request-body-unmodelled-keyword-changed', subject: 'request body (application/json)', pointer: BODY, place: (schema: unknown) => api(schema, {}) },
  { name: 'response', id: 'response-body-unmodelled-keyword-changed', subject: 'response body (200 application/json)', pointer: OK, place: (schema: unknown) => api({}, schema) },
];
/** Which of the two values each side holds; undefined: the keyword is absent. */
const CHANGES = [
  { action: 'added', base: undefined, revision: 0 },
  { action: 'removed', base: 0, revision: undefined },
  { action: 'changed', base: 0, revision: 1 },
] as const;

function expected(side: (typeof SIDES)[number], changes: string): ExpectedChange {
  return { id: side.id, level: 'warning', message: `POST /items: ${side.subject} ${changes}; ${TAIL}`, at: `revision.yaml#${side.pointer}`, related: `base.yaml#${side.pointer}` };
}

/** Each keyword added, removed and changed, in a request and a response body. */
const perKeyword: DiffCase[] = UNMODELLED_KEYWORDS.flatMap((keyword) =>
  SIDES.flatMap((side) =>
    CHANGES.map((change) => {
      const schema = (which: 0 | 1 | undefined) => (which === undefined ? {} : { [keyword]: VALUES[keyword][which] });
      return {
        name: `unmodelled ${keyword} ${change.action} (${side.name})`,
        base: side.place(schema(change.base)),
        revision: side.place(schema(change.revision)),
        expected: [expected(side, `keyword "${keyword}" ${change.action}`)],
      };
    }),
  ),
);

const components = (schemas: Record<string, unknown>) => ({ components: { schemas } });
const banned = { type: 'string', maxLength: 3 };

/** Where and how the keywords are written does not count; only their resolved values do. */
const quiet: DiffCase[] = [
  {
    name: 'unmodelled keywords: a $ref inside the value resolved in place, keys reordered',
    base: api({ not: { $ref: '#/components/schemas/Banned' }, patternProperties: { '^x-': { $ref: '#/components/schemas/Banned' } } }, {}, components({ Banned: banned })),
    revision: api({ patternProperties: { '^x-': { maxLength: 3, type: 'string' } }, not: { maxLength: 3, type: 'string' } }, {}),
    expected: [],
  },
  {
    name: 'unmodelled keywords: the value moved into another file',
    base: api({ dependentSchemas: { card: { $ref: '#/components/schemas/Card' } } }, {}, components({ Card: { required: ['cvc'] } })),
    revision: api({ dependentSchemas: { card: { $ref: 'card.yaml' } } }, {}),
    files: { 'card.yaml': 'required:\n  - cvc\n' },
    expected: [],
  },
  {
    name: 'unmodelled keywords: YAML and JSON of the same values',
    base: [
      'openapi: 3.1.0',
      'info: {title: Items, version: 1.0.0}',
      'paths:',
      '  /items:',
      '    post:',
      '      requestBody:',
      '        content:',
      '          application/json:',
      '            schema:',
      '              if: {properties: {kind: {const: a}}}',
      '              then: {required: [a]}',
      '              contentEncoding: base64',
      '      responses:',
      "        '200':",
      '          description: ok',
      '          content:',
      '            application/json:',
      '              schema:',
      '                minContains: 1',
      '                contains: {type: string}',
      '',
    ].join('\n'),
    revision: api({ contentEncoding: 'base64', then: { required: ['a'] }, if: { properties: { kind: { const: 'a' } } } }, { contains: { type: 'string' }, minContains: 1 }),
    expected: [],
  },
  {
    name: 'unmodelled keywords: allOf members in another order',
    base: api({ allOf: [{ not: { const: 'a' } }, { not: { const: 'b' } }] }, {}),
    revision: api({ allOf: [{ not: { const: 'b' } }, { not: { const: 'a' } }] }, {}),
    expected: [],
  },
  {
    name: 'unmodelled keywords: a recursive value renamed in components',
    base: api({ $ref: '#/components/schemas/Node' }, {}, components({ Node: { type: 'object', patternProperties: { '^n': { $ref: '#/components/schemas/Node' } } } })),
    revision: api({ $ref: '#/components/schemas/Tree' }, {}, components({ Tree: { type: 'object', patternProperties: { '^n': { $ref: '#/components/schemas/Tree' } } } })),
    expected: [],
  },
  {
    name: 'unmodelled keywords: several changed at one place make one finding',
    base: api({ not: { type: 'string' }, propertyNames: { maxLength: 5 } }, {}),
    revision: api({ propertyNames: { maxLength: 6 }, patternProperties: { '^x-': true } }, {}),
    expected: [expected(SIDES[0]!, 'keywords "not" removed, "patternProperties" added, "propertyNames" changed')],
  },
];

export const unmodelledCases: DiffCase[] = [...perKeyword, ...quiet];
