import type { DiffCase } from '../harness.js';

const pet = { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { type: 'string' } } };
const dog = { type: 'object', required: ['bark'], properties: { bark: { type: 'boolean' } } };
const cat = { type: 'object', required: ['meow'], properties: { meow: { type: 'boolean' } } };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** `POST /pets` taking `request` and answering 200 with `response`, beside the named schemas. */
const api = (request: unknown, response: unknown, schemas: Record<string, unknown> = { Pet: pet, Dog: dog, Cat: cat }) => ({
  openapi: '3.0.3',
  info: { title: 'Pets', version: '1.0.0' },
  paths: { '/pets': { post: { requestBody: { content: { 'application/json': { schema: request } } }, responses: { '200': { description: 'ok', content: { 'application/json': { schema: response } } } } } } },
  components: { schemas },
});

const OP = '/paths/~1pets/post';
const BODY = `${OP}/requestBody/content/application~1json/schema`;
const OK = `${OP}/responses/200/content/application~1json/schema`;
const PET = '/components/schemas/Pet';

/**
 * A plain schema wrapped in oneOf/anyOf (and the reverse) is one change when a variant equals the
 * old schema; otherwise the detailed comparison stands.
 */
export const variantCases: DiffCase[] = [
  {
    name: 'wrapping a response in oneOf and a request body in anyOf, the old schema one of the variants',
    base: api(ref('Pet'), ref('Pet')),
    revision: api({ anyOf: [ref('Pet'), ref('Cat')] }, { oneOf: [ref('Pet'), ref('Dog')], discriminator: { propertyName: 'kind' } }),
    expected: [
      { id: 'request-body-became-any-of', level: 'info', message: 'POST /pets: request body (application/json) became an anyOf of 2 variants, one of them the previous schema', at: `revision.yaml#${BODY}`, related: `base.yaml#${PET}` },
      { id: 'response-body-became-one-of', level: 'breaking', message: 'POST /pets: response body (200 application/json) became a oneOf of 2 variants, one of them the previous schema', at: `revision.yaml#${OK}`, related: `base.yaml#${PET}` },
    ],
  },
  {
    name: 'collapsing a oneOf request body and an anyOf response to one of their variants',
    base: api({ oneOf: [ref('Pet'), ref('Dog')] }, { anyOf: [ref('Cat'), ref('Pet')] }),
    revision: api(ref('Pet'), ref('Pet')),
    expected: [
      { id: 'request-body-one-of-collapsed', level: 'breaking', message: 'POST /pets: request body (application/json) is no longer a oneOf of 2 variants but one of them', at: `revision.yaml#${PET}`, related: `base.yaml#${BODY}` },
      { id: 'response-body-any-of-collapsed', level: 'info', message: 'POST /pets: response body (200 application/json) is no longer an anyOf of 2 variants but one of them', at: `revision.yaml#${PET}`, related: `base.yaml#${OK}` },
    ],
  },
  {
    name: 'a property wrapped in oneOf, with nullable beside it, is a new variant and null',
    base: api({ type: 'object', properties: { pet: ref('Pet') } }, { type: 'object', properties: { pet: ref('Pet') } }),
    revision: api({ type: 'object', properties: { pet: { oneOf: [ref('Pet'), ref('Dog')], nullable: true } } }, { type: 'object', properties: { pet: { oneOf: [ref('Pet'), ref('Dog')], nullable: true } } }),
    expected: [
      { id: 'request-property-became-nullable', level: 'info', message: 'POST /pets: request property "pet" (application/json) became nullable', at: `revision.yaml#${BODY}/properties/pet`, related: `base.yaml#${PET}` },
      { id: 'request-property-became-one-of', level: 'info', message: 'POST /pets: request property "pet" (application/json) became a oneOf of 2 variants, one of them the previous schema', at: `revision.yaml#${BODY}/properties/pet`, related: `base.yaml#${PET}` },
      { id: 'response-property-became-nullable', level: 'breaking', message: 'POST /pets: response property "pet" (200 application/json) became nullable', at: `revision.yaml#${OK}/properties/pet`, related: `base.yaml#${PET}` },
      { id: 'response-property-became-one-of', level: 'breaking', message: 'POST /pets: response property "pet" (200 application/json) became a oneOf of 2 variants, one of them the previous schema', at: `revision.yaml#${OK}/properties/pet`, related: `base.yaml#${PET}` },
    ],
  },
  {
    name: 'a oneOf or anyOf of the old schema alone is the same schema, both ways',
    base: api(ref('Pet'), { oneOf: [ref('Pet')] }),
    revision: api({ anyOf: [ref('Pet')] }, ref('Pet')),
    expected: [],
  },
  {
    name: 'when no variant equals the old schema, the detailed comparison stands',
    base: api(ref('Pet'), ref('Pet')),
    revision: api(ref('Pet'), { oneOf: [ref('Pet'), ref('Dog')] }, { Pet: { ...pet, required: ['name', 'tag'] }, Dog: dog }),
    expected: [
      { id: 'response-property-removed', level: 'breaking', message: 'POST /pets: response property "name" (200 application/json) removed', at: `base.yaml#${PET}/properties/name`, related: `revision.yaml#${OK}` },
      { id: 'response-property-removed', level: 'breaking', message: 'POST /pets: response property "tag" (200 application/json) removed', at: `base.yaml#${PET}/properties/tag`, related: `revision.yaml#${OK}` },
      { id: 'response-body-type-widened', level: 'breaking', message: 'POST /pets: response body (200 application/json) type widened from object to any', at: `revision.yaml#${OK}`, related: `base.yaml#${PET}` },
      { id: 'request-property-became-required', level: 'breaking', message: 'POST /pets: request property "tag" (application/json) became required', at: `revision.yaml#${PET}/properties/tag`, related: `base.yaml#${PET}/properties/tag` },
    ],
  },
  {
    name: 'a composition that states more than its variants is compared in detail',
    base: api(ref('Pet'), ref('Pet')),
    revision: api(ref('Pet'), { oneOf: [ref('Pet'), ref('Dog')], maxProperties: 3 }),
    expected: [
      { id: 'response-property-removed', level: 'breaking', message: 'POST /pets: response property "name" (200 application/json) removed', at: `base.yaml#${PET}/properties/name`, related: `revision.yaml#${OK}` },
      { id: 'response-property-removed', level: 'breaking', message: 'POST /pets: response property "tag" (200 application/json) removed', at: `base.yaml#${PET}/properties/tag`, related: `revision.yaml#${OK}` },
      { id: 'response-body-type-widened', level: 'breaking', message: 'POST /pets: response body (200 application/json) type widened from object to any', at: `revision.yaml#${OK}`, related: `base.yaml#${PET}` },
      { id: 'response-body-max-decreased', level: 'info', message: 'POST /pets: response body (200 application/json) maxProperties lowered from none to 3', at: `revision.yaml#${OK}`, related: `base.yaml#${PET}` },
    ],
  },
];
