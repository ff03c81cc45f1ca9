import type { SchemaKind } from '../../compare-schemas.js';
import { OP, type DiffCase, type ExpectedChange } from '../harness.js';

type Level = ExpectedChange['level'];
const b: Level = 'breaking';
const w: Level = 'warning';
const i: Level = 'info';

interface KindCase {
  kind: SchemaKind;
  base: Record<string, unknown>;
  revision: Record<string, unknown>;
  tail: string;
  /** Expected level in a request and in a response. */
  /** null: not reported in that direction. */
  levels: [Level | null, Level | null];
  /** Pointer suffixes below the compared schema, when not the schema itself. */
  baseAt?: string;
  revisionAt?: string;
  /** Removals are located in the base. */
  removal?: boolean;
}

const str = { type: 'string' };
const withDefault = { type: 'string', default: 'x' };
const obj = (properties: Record<string, unknown>, required?: string[]) => ({ type: 'object', properties, ...(required ? { required } : {}) });

/** One minimal schema pair per kind of schema change; each runs in every place a schema appears. */
const KIND_CASES: KindCase[] = [
  { kind: 'type-widened', base: { type: 'integer' }, revision: { type: 'number' }, tail: 'type widened from integer to number', levels: [i, b] },
  { kind: 'type-narrowed', base: { type: 'number' }, revision: { type: 'integer' }, tail: 'type narrowed from number to integer', levels: [b, i] },
  { kind: 'type-changed', base: str, revision: { type: 'integer' }, tail: 'type changed from string to integer', levels: [b, b] },
  { kind: 'became-nullable', base: str, revision: { type: ['string', 'null'] }, tail: 'became nullable', levels: [i, b] },
  { kind: 'became-not-nullable', base: { type: ['string', 'null'] }, revision: str, tail: 'is no longer nullable', levels: [b, i] },
  { kind: 'format-added', base: str, revision: { type: 'string', format: 'uuid' }, tail: 'format "uuid" added', levels: [b, i] },
  { kind: 'format-removed', base: { type: 'string', format: 'uuid' }, revision: str, tail: 'format "uuid" removed', levels: [i, w] },
  { kind: 'format-changed', base: { type: 'string', format: 'uuid' }, revision: { type: 'string', format: 'email' }, tail: 'format changed from "uuid" to "email"', levels: [b, b] },
  { kind: 'pattern-added', base: str, revision: { type: 'string', pattern: '^[a-z]+$' }, tail: 'pattern "^[a-z]+$" added', levels: [b, i] },
  { kind: 'pattern-removed', base: { type: 'string', pattern: '^[a-z]+$' }, revision: str, tail: 'pattern "^[a-z]+$" removed', levels: [i, w] },
  { kind: 'pattern-changed', base: { type: 'string', pattern: '^[a-z]+$' }, revision: { type: 'string', pattern: '^[a-z0-9]+$' }, tail: 'pattern changed from "^[a-z]+$" to "^[a-z0-9]+$"', levels: [w, w] },
  { kind: 'enum-value-added', base: { type: 'string', enum: ['a'] }, revision: { type: 'string', enum: ['a', 'b'] }, tail: 'enum value "b" added', levels: [i, w] },
  { kind: 'extensible-enum-value-added', base: { type: 'string', 'x-extensible-enum': ['a'] }, revision: { type: 'string', 'x-extensible-enum': ['a', 'b'] }, tail: 'value "b" added to the extensible enum', levels: [i, i] },
  { kind: 'enum-value-removed', base: { type: 'string', enum: ['a', 'b'] }, revision: { type: 'string', enum: ['a'] }, tail: 'enum value "b" removed', levels: [b, i], removal: true },
  { kind: 'enum-added', base: str, revision: { type: 'string', enum: ['a', 'b'] }, tail: 'restricted to the values a, b', levels: [b, i] },
  { kind: 'enum-removed', base: { type: 'string', enum: ['a', 'b'] }, revision: str, tail: 'no longer restricted to the values a, b', levels: [i, w] },
  { kind: 'const-added', base: str, revision: { type: 'string', const: 'a' }, tail: 'must now be "a"', levels: [b, i] },
  { kind: 'const-removed', base: { type: 'string', const: 'a' }, revision: str, tail: 'is no longer fixed to "a"', levels: [i, w] },
  { kind: 'const-changed', base: { type: 'string', const: 'a' }, revision: { type: 'string', const: 'b' }, tail: 'const changed from "a" to "b"', levels: [b, b] },
  { kind: 'min-increased', base: { type: 'integer', minimum: 1 }, revision: { type: 'integer', minimum: 5 }, tail: 'minimum raised from 1 to 5', levels: [b, i] },
  { kind: 'min-decreased', base: { type: 'string', minLength: 5 }, revision: str, tail: 'minLength lowered from 5 to none', levels: [i, w] },
  { kind: 'max-increased', base: { type: 'array', maxItems: 10 }, revision: { type: 'array', maxItems: 20 }, tail: 'maxItems raised from 10 to 20', levels: [i, w] },
  { kind: 'max-decreased', base: { type: 'integer', maximum: 10 }, revision: { type: 'integer', exclusiveMaximum: 10 }, tail: 'exclusiveMaximum lowered from 10 to 10', levels: [b, i] },
  { kind: 'multiple-of-added', base: { type: 'integer' }, revision: { type: 'integer', multipleOf: 5 }, tail: 'must now be a multiple of 5', levels: [b, i] },
  { kind: 'multiple-of-removed', base: { type: 'integer', multipleOf: 2 }, revision: { type: 'integer' }, tail: 'no longer needs to be a multiple of 2', levels: [i, w] },
  { kind: 'multiple-of-narrowed', base: { type: 'integer', multipleOf: 2 }, revision: { type: 'integer', multipleOf: 4 }, tail: 'multipleOf changed from 2 to 4, allowing fewer values', levels: [b, i] },
  { kind: 'multiple-of-widened', base: { type: 'number', multipleOf: 0.2 }, revision: { type: 'number', multipleOf: 0.1 }, tail: 'multipleOf changed from 0.2 to 0.1, allowing more values', levels: [i, w] },
  { kind: 'multiple-of-changed', base: { type: 'integer', multipleOf: 2 }, revision: { type: 'integer', multipleOf: 3 }, tail: 'multipleOf changed from 2 to 3', levels: [b, b] },
  { kind: 'unique-items-added', base: { type: 'array' }, revision: { type: 'array', uniqueItems: true }, tail: 'items must now be unique', levels: [b, i] },
  { kind: 'unique-items-removed', base: { type: 'array', uniqueItems: true }, revision: { type: 'array', uniqueItems: false }, tail: 'items no longer need to be unique', levels: [i, w] },
  { kind: 'default-added', base: str, revision: { type: 'string', default: 'a' }, tail: 'default "a" added', levels: [i, i] },
  { kind: 'default-removed', base: { type: 'string', default: 'a' }, revision: str, tail: 'default "a" removed', levels: [w, i], removal: true },
  { kind: 'default-changed', base: { type: 'integer', default: 10 }, revision: { type: 'integer', default: 20 }, tail: 'default changed from 10 to 20', levels: [w, i] },
  { kind: 'discriminator-added', base: { oneOf: [obj({})] }, revision: { oneOf: [obj({})], discriminator: { propertyName: 'kind' } }, tail: 'discriminator "kind" added', levels: [i, i] },
  { kind: 'discriminator-removed', base: { oneOf: [obj({})], discriminator: { propertyName: 'kind' } }, revision: { oneOf: [obj({})] }, tail: 'discriminator "kind" removed', levels: [i, w], removal: true },
  { kind: 'discriminator-property-changed', base: { oneOf: [obj({})], discriminator: { propertyName: 'kind' } }, revision: { oneOf: [obj({})], discriminator: { propertyName: 'type' } }, tail: 'discriminator property changed from "kind" to "type"', levels: [b, b] },
  {
    kind: 'discriminator-mapping-added',
    base: { oneOf: [obj({})], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } } },
    // Mapping targets compare by schema name: a target moved to another file is the same target.
    revision: { oneOf: [obj({})], discriminator: { propertyName: 'kind', mapping: { cat: 'pets.yaml#/Cat', dog: '#/components/schemas/Dog' } } },
    tail: 'discriminator value "dog" added (maps to Dog)',
    levels: [i, w],
  },
  {
    kind: 'discriminator-mapping-removed',
    base: { oneOf: [obj({})], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } } },
    revision: { oneOf: [obj({})], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } } },
    tail: 'discriminator value "dog" removed (mapped to Dog)',
    levels: [b, i],
    removal: true,
  },
  {
    kind: 'discriminator-mapping-changed',
    base: { oneOf: [obj({})], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } } },
    revision: { oneOf: [obj({})], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Lion' } } },
    tail: 'discriminator value "cat" maps to Lion instead of Cat',
    levels: [b, b],
  },
  { kind: 'additional-properties-closed', base: { type: 'object' }, revision: { type: 'object', additionalProperties: false }, tail: 'no longer allows additional properties', levels: [b, i] },
  { kind: 'additional-properties-opened', base: { type: 'object', additionalProperties: false }, revision: { type: 'object' }, tail: 'now allows additional properties', levels: [i, i] },
  { kind: 'additional-properties-restricted', base: { type: 'object' }, revision: { type: 'object', additionalProperties: str }, tail: 'additional properties must now match a schema', levels: [b, i] },
  { kind: 'additional-properties-unrestricted', base: { type: 'object', additionalProperties: str }, revision: { type: 'object', additionalProperties: true }, tail: 'additional properties no longer follow a schema', levels: [i, w] },
  { kind: 'unevaluated-properties-restricted', base: { type: 'object', unevaluatedProperties: true }, revision: { type: 'object', unevaluatedProperties: str }, tail: 'unevaluated properties must now match a schema', levels: [b, i] },
  { kind: 'unevaluated-properties-unrestricted', base: { type: 'object', unevaluatedProperties: str }, revision: { type: 'object' }, tail: 'unevaluated properties no longer follow a schema', levels: [i, w] },
  { kind: 'unevaluated-properties-closed', base: { type: 'object' }, revision: { type: 'object', unevaluatedProperties: false }, tail: 'no longer allows unevaluated properties', levels: [b, i] },
  { kind: 'unevaluated-properties-opened', base: { type: 'object', unevaluatedProperties: false }, revision: { type: 'object' }, tail: 'now allows unevaluated properties', levels: [i, i] },
  { kind: 'prefix-items-changed', base: { type: 'array', prefixItems: [str] }, revision: { type: 'array', prefixItems: [str, { type: 'integer' }] }, tail: 'prefixItems tuple length changed from 1 to 2', levels: [b, b] },
  { kind: 'variant-added', base: { oneOf: [str] }, revision: { oneOf: [str, { type: 'integer' }] }, tail: 'oneOf variant added', levels: [i, w], revisionAt: '/oneOf/1' },
  { kind: 'variant-removed', base: { anyOf: [str, { type: 'integer' }] }, revision: { anyOf: [str] }, tail: 'anyOf variant removed', levels: [b, i], baseAt: '/anyOf/1', removal: true },
  {
    kind: 'unmodelled-keyword-changed',
    base: { type: 'string', not: { enum: ['x'] } },
    revision: { type: 'string', not: { enum: ['y'] }, contentMediaType: 'text/plain' },
    tail: 'keywords "not" changed, "contentMediaType" added; Rampart does not judge whether this breaks clients: review it',
    levels: [w, w],
  },
  { kind: 'became-one-of', base: obj({ a: str }), revision: { oneOf: [obj({ a: str }), obj({ b: str })] }, tail: 'became a oneOf of 2 variants, one of them the previous schema', levels: [i, b] },
  { kind: 'became-any-of', base: str, revision: { anyOf: [{ type: 'integer' }, str] }, tail: 'became an anyOf of 2 variants, one of them the previous schema', levels: [i, b] },
  { kind: 'one-of-collapsed', base: { oneOf: [obj({ a: str }), obj({ b: str })] }, revision: obj({ b: str }), tail: 'is no longer a oneOf of 2 variants but one of them', levels: [b, i] },
  { kind: 'any-of-collapsed', base: { anyOf: [str, { type: 'integer' }, { type: 'boolean' }] }, revision: { type: 'integer' }, tail: 'is no longer an anyOf of 3 variants but one of them', levels: [b, i] },
];

/** Property kinds: the compared schema is an object whose property "a" changes. */
const PROPERTY_CASES: KindCase[] = [
  { kind: 'property-added', base: obj({}), revision: obj({ a: str }), tail: 'added', levels: [i, i], revisionAt: '/properties/a' },
  { kind: 'property-added-required', base: obj({}), revision: obj({ a: str }, ['a']), tail: 'added as required', levels: [b, i], revisionAt: '/properties/a' },
  { kind: 'property-removed', base: obj({ a: str }), revision: obj({}), tail: 'removed', levels: [w, b], baseAt: '/properties/a', removal: true },
  { kind: 'property-became-required', base: obj({ a: str }), revision: obj({ a: str }, ['a']), tail: 'became required', levels: [b, i], baseAt: '/properties/a', revisionAt: '/properties/a' },
  { kind: 'property-became-optional', base: obj({ a: str }, ['a']), revision: obj({ a: str }), tail: 'became optional', levels: [i, b], baseAt: '/properties/a', revisionAt: '/properties/a' },
  { kind: 'property-added-required-with-default', base: obj({}), revision: obj({ a: withDefault }, ['a']), tail: 'added as required, with a default', levels: [i, i], revisionAt: '/properties/a' },
  { kind: 'property-became-required-with-default', base: obj({ a: withDefault }), revision: obj({ a: withDefault }, ['a']), tail: 'became required, with a default', levels: [i, i], baseAt: '/properties/a', revisionAt: '/properties/a' },
  { kind: 'property-became-read-only', base: obj({ a: str }), revision: obj({ a: { ...str, readOnly: true } }), tail: 'became read-only', levels: [w, null], baseAt: '/properties/a', revisionAt: '/properties/a' },
  { kind: 'property-became-not-read-only', base: obj({ a: { ...str, readOnly: true } }), revision: obj({ a: str }), tail: 'is no longer read-only', levels: [i, null], baseAt: '/properties/a', revisionAt: '/properties/a' },
  { kind: 'property-became-write-only', base: obj({ a: str }), revision: obj({ a: { ...str, writeOnly: true } }), tail: 'became write-only', levels: [null, b], baseAt: '/properties/a', revisionAt: '/properties/a' },
  { kind: 'property-became-not-write-only', base: obj({ a: { ...str, writeOnly: true } }), revision: obj({ a: str }), tail: 'is no longer write-only', levels: [null, i], baseAt: '/properties/a', revisionAt: '/properties/a' },
  { kind: 'property-deprecated', base: obj({ a: str }), revision: obj({ a: { ...str, deprecated: true } }), tail: 'deprecated', levels: [i, i], baseAt: '/properties/a', revisionAt: '/properties/a' },
  { kind: 'property-reactivated', base: obj({ a: { ...str, deprecated: true } }), revision: obj({ a: str }), tail: 'is no longer deprecated', levels: [i, i], baseAt: '/properties/a', revisionAt: '/properties/a' },
];

interface Place {
  context: string;
  direction: 0 | 1;
  operation: (schema: Record<string, unknown>) => Record<string, unknown>;
  pointer: string;
  subject: string;
}

const JSON_BODY = `${OP}/requestBody/content/application~1json/schema`;
const JSON_200 = `${OP}/responses/200/content/application~1json/schema`;
const requestBody = (schema: Record<string, unknown>) => ({ requestBody: { content: { 'application/json': { schema } } } });
const response = (schema: Record<string, unknown>) => ({ responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } });

const PLACES: Place[] = [
  { context: 'request-parameter', direction: 0, operation: (schema) => ({ parameters: [{ name: 'p', in: 'query', schema }] }), pointer: `${OP}/parameters/0/schema`, subject: 'request parameter "p" (query)' },
  { context: 'request-body', direction: 0, operation: requestBody, pointer: JSON_BODY, subject: 'request body (application/json)' },
  { context: 'request-property', direction: 0, operation: (schema) => requestBody(obj({ p: schema })), pointer: `${JSON_BODY}/properties/p`, subject: 'request property "p" (application/json)' },
  { context: 'response-body', direction: 1, operation: response, pointer: JSON_200, subject: 'response body (200 application/json)' },
  { context: 'response-property', direction: 1, operation: (schema) => response(obj({ p: schema })), pointer: `${JSON_200}/properties/p`, subject: 'response property "p" (200 application/json)' },
  {
    context: 'response-header',
    direction: 1,
    operation: (schema) => ({ responses: { '200': { description: 'ok', headers: { 'X-H': { schema } } } } }),
    pointer: `${OP}/responses/200/headers/X-H/schema`,
    subject: 'response header "X-H" (200)',
  },
];

const document = (operation: Record<string, unknown>) => ({
  openapi: '3.1.0',
  info: { title: 'Test', version: '1.0.0' },
  paths: { '/items': { post: { responses: { '200': { description: 'ok' } }, ...operation } } },
});

function expected(id: string, place: Place, kindCase: KindCase, subject: string, pointer: string): ExpectedChange {
  const baseAt = `base.yaml#${pointer}${kindCase.baseAt ?? ''}`;
  const revisionAt = `revision.yaml#${pointer}${kindCase.revisionAt ?? ''}`;
  return {
    id,
    level: kindCase.levels[place.direction]!,
    message: `POST /items: ${subject} ${kindCase.tail}`,
    at: kindCase.removal ? baseAt : revisionAt,
    related: kindCase.removal ? revisionAt : baseAt,
  };
}

/** Every schema change id: kinds × places, and property kinds in request and response bodies. */
export const schemaCases: DiffCase[] = [
  ...PLACES.flatMap((place) =>
    KIND_CASES.map((kindCase) => ({
      name: `${place.context}: ${kindCase.kind}`,
      base: document(place.operation(kindCase.base)),
      revision: document(place.operation(kindCase.revision)),
      expected: [expected(`${place.context}-${kindCase.kind}`, place, kindCase, place.subject, place.pointer)],
    })),
  ),
  ...PLACES.filter((place) => place.context === 'request-body' || place.context === 'response-body').flatMap((place) =>
    PROPERTY_CASES.filter((kindCase) => kindCase.levels[place.direction] !== null).map((kindCase) => {
      const prefix = place.direction === 0 ? 'request-property' : 'response-property';
      const subject = place.direction === 0 ? 'request property "a" (application/json)' : 'response property "a" (200 application/json)';
      return {
        name: `${prefix}: ${kindCase.kind}`,
        base: document(place.operation(kindCase.base)),
        revision: document(place.operation(kindCase.revision)),
        expected: [expected(`${prefix}-${kindCase.kind.replace(/^property-/, '')}`, place, kindCase, subject, place.pointer)],
      };
    }),
  ),
];

const JSON_201 = `${OP}/responses/201/content/application~1json/schema`;
/** One object schema as the request body and as the 201 response body (the responses are written first, so listed first). */
const both = (schema: Record<string, unknown>) =>
  document({ requestBody: { content: { 'application/json': { schema } } }, responses: { '201': { description: 'created', content: { 'application/json': { schema } } } } });

/** readOnly / writeOnly hide a property from one direction; a media type without a schema admits anything. */
export const visibilityCases: DiffCase[] = [
  {
    name: 'inside a readOnly property only responses see a change, inside a writeOnly one only requests',
    base: both(obj({ id: { type: 'string', readOnly: true, maxLength: 10 }, secret: { type: 'string', writeOnly: true, maxLength: 10 } })),
    revision: both(obj({ id: { type: 'string', readOnly: true, maxLength: 5 }, secret: { type: 'string', writeOnly: true } })),
    expected: [
      { id: 'response-property-max-decreased', level: 'info', message: 'POST /items: response property "id" (201 application/json) maxLength lowered from 10 to 5', at: `revision.yaml#${JSON_201}/properties/id`, related: `base.yaml#${JSON_201}/properties/id` },
      { id: 'request-property-max-increased', level: 'info', message: 'POST /items: request property "secret" (application/json) maxLength raised from 10 to none', at: `revision.yaml#${JSON_BODY}/properties/secret`, related: `base.yaml#${JSON_BODY}/properties/secret` },
    ],
  },
  {
    name: 'a required readOnly property that clients may now write is newly required in requests',
    base: both(obj({ id: { type: 'string', readOnly: true } }, ['id'])),
    revision: both(obj({ id: str }, ['id'])),
    expected: [
      { id: 'request-property-became-required', level: 'breaking', message: 'POST /items: request property "id" (application/json) became required', at: `revision.yaml#${JSON_BODY}/properties/id`, related: `base.yaml#${JSON_BODY}/properties/id` },
      { id: 'request-property-became-not-read-only', level: 'info', message: 'POST /items: request property "id" (application/json) is no longer read-only', at: `revision.yaml#${JSON_BODY}/properties/id`, related: `base.yaml#${JSON_BODY}/properties/id` },
    ],
  },
  {
    name: 'a required property that became writeOnly is no longer returned',
    base: both(obj({ token: str }, ['token'])),
    revision: both(obj({ token: { type: 'string', writeOnly: true } }, ['token'])),
    expected: [
      { id: 'response-property-became-write-only', level: 'breaking', message: 'POST /items: response property "token" (201 application/json) became write-only', at: `revision.yaml#${JSON_201}/properties/token`, related: `base.yaml#${JSON_201}/properties/token` },
    ],
  },
  {
    name: 'a deprecated readOnly property is news to readers only, a deprecated writeOnly one to senders only',
    base: both(obj({ id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true }, items: { type: 'array', items: obj({ sku: str }) } })),
    revision: both(obj({ id: { type: 'string', readOnly: true, deprecated: true }, secret: { type: 'string', writeOnly: true, deprecated: true }, items: { type: 'array', items: obj({ sku: { ...str, deprecated: true } }) } })),
    expected: [
      { id: 'response-property-deprecated', level: 'info', message: 'POST /items: response property "id" (201 application/json) deprecated', at: `revision.yaml#${JSON_201}/properties/id`, related: `base.yaml#${JSON_201}/properties/id` },
      { id: 'response-property-deprecated', level: 'info', message: 'POST /items: response property "items[].sku" (201 application/json) deprecated', at: `revision.yaml#${JSON_201}/properties/items/items/properties/sku`, related: `base.yaml#${JSON_201}/properties/items/items/properties/sku` },
      { id: 'request-property-deprecated', level: 'info', message: 'POST /items: request property "secret" (application/json) deprecated', at: `revision.yaml#${JSON_BODY}/properties/secret`, related: `base.yaml#${JSON_BODY}/properties/secret` },
      { id: 'request-property-deprecated', level: 'info', message: 'POST /items: request property "items[].sku" (application/json) deprecated', at: `revision.yaml#${JSON_BODY}/properties/items/items/properties/sku`, related: `base.yaml#${JSON_BODY}/properties/items/items/properties/sku` },
    ],
  },
  {
    name: 'a response media type that lost its schema may now carry anything',
    base: document(response({ type: 'string' })),
    revision: document({ responses: { '200': { description: 'ok', content: { 'application/json': {} } } } }),
    expected: [
      { id: 'response-body-type-widened', level: 'breaking', message: 'POST /items: response body (200 application/json) type widened from string to any', at: `revision.yaml#${OP}/responses/200/content/application~1json`, related: `base.yaml#${JSON_200}` },
    ],
  },
  {
    name: 'a request media type that gained a schema refuses what does not match it',
    base: document({ requestBody: { content: { 'application/json': {} } } }),
    revision: document(requestBody({ type: 'string' })),
    expected: [
      { id: 'request-body-type-narrowed', level: 'breaking', message: 'POST /items: request body (application/json) type narrowed from any to string', at: `revision.yaml#${JSON_BODY}`, related: `base.yaml#${OP}/requestBody/content/application~1json` },
    ],
  },
];
