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
  levels: [Level, Level];
  /** Pointer suffixes below the compared schema, when not the schema itself. */
  baseAt?: string;
  revisionAt?: string;
  /** Removals are located in the base. */
  removal?: boolean;
}

const str = { type: 'string' };
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
  { kind: 'const-added', base: str, revision: { type: 'string', const: 'a' }, tail: 'must now be a', levels: [b, i] },
  { kind: 'const-removed', base: { type: 'string', const: 'a' }, revision: str, tail: 'is no longer fixed to a', levels: [i, w] },
  { kind: 'const-changed', base: { type: 'string', const: 'a' }, revision: { type: 'string', const: 'b' }, tail: 'const changed from a to b', levels: [b, b] },
  { kind: 'min-increased', base: { type: 'integer', minimum: 1 }, revision: { type: 'integer', minimum: 5 }, tail: 'minimum raised from 1 to 5', levels: [b, i] },
  { kind: 'min-decreased', base: { type: 'string', minLength: 5 }, revision: str, tail: 'minLength lowered from 5 to none', levels: [i, w] },
  { kind: 'max-increased', base: { type: 'array', maxItems: 10 }, revision: { type: 'array', maxItems: 20 }, tail: 'maxItems raised from 10 to 20', levels: [i, w] },
  { kind: 'max-decreased', base: { type: 'integer', maximum: 10 }, revision: { type: 'integer', exclusiveMaximum: 10 }, tail: 'exclusiveMaximum lowered from 10 to 10', levels: [b, i] },
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
];

/** Property kinds: the compared schema is an object whose property "a" changes. */
const PROPERTY_CASES: KindCase[] = [
  { kind: 'property-added', base: obj({}), revision: obj({ a: str }), tail: 'added', levels: [i, i], revisionAt: '/properties/a' },
  { kind: 'property-added-required', base: obj({}), revision: obj({ a: str }, ['a']), tail: 'added as required', levels: [b, i], revisionAt: '/properties/a' },
  { kind: 'property-removed', base: obj({ a: str }), revision: obj({}), tail: 'removed', levels: [w, b], baseAt: '/properties/a', removal: true },
  { kind: 'property-became-required', base: obj({ a: str }), revision: obj({ a: str }, ['a']), tail: 'became required', levels: [b, i], baseAt: '/properties/a', revisionAt: '/properties/a' },
  { kind: 'property-became-optional', base: obj({ a: str }, ['a']), revision: obj({ a: str }), tail: 'became optional', levels: [i, b], baseAt: '/properties/a', revisionAt: '/properties/a' },
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
    level: kindCase.levels[place.direction],
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
    PROPERTY_CASES.map((kindCase) => {
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
