import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { yaml } from '../../testing/dedent.js';
import { buildApi, type Api, type Schema } from '../api.js';
import { loadDocument } from '../document.js';

const ROOT = path.resolve('/virtual/api');
const FIXTURES = path.resolve('test/fixtures/diff');

async function apiOf(text: string, files: Record<string, string> = {}): Promise<Api> {
  const overlay = new Map([[path.join(ROOT, 'openapi.yaml'), text], ...Object.entries(files).map(([name, content]) => [path.join(ROOT, name), content] as [string, string])]);
  return buildApi(await loadDocument(path.join(ROOT, 'openapi.yaml'), { cwd: ROOT, overlay, overlayOnly: true }));
}

const op = (api: Api, method: string, p: string) => api.operations.find((o) => o.method === method && o.path === p)!;
const shape = (schema: Schema | undefined) =>
  schema && { types: schema.types && [...schema.types], nullable: schema.nullable, format: schema.format, properties: [...schema.properties.keys()], required: [...schema.required] };

describe('buildApi: Swagger 2.0', () => {
  test('body and formData parameters become request bodies per consumes; produces types the responses', async () => {
    const api = buildApi(await loadDocument(path.join(FIXTURES, 'swagger2-to-openapi3/base.yaml'), { cwd: FIXTURES }));
    assert.equal(api.format, 'oas2');
    assert.deepEqual(api.servers.map((s) => s.url), ['https://api.example.com/v1']);
    assert.deepEqual(api.operations.map((o) => `${o.method} ${o.path} ${o.pathShape}`), ['get /items /items', 'post /items /items', 'put /items/{id}/photo /items/{}/photo']);
    const list = op(api, 'get', '/items');
    assert.deepEqual(list.parameters.map((p) => [p.name, p.in, p.required, [...p.schema.types!], p.schema.hasDefault]), [
      ['limit', 'query', false, ['integer'], true],
      ['tags', 'query', false, ['array'], false],
    ]);
    assert.deepEqual(list.parameters[0]!.schema.maximum, { value: 100, exclusive: false });
    assert.deepEqual([...list.responses.get('200')!.content.keys()], ['application/json']);
    assert.deepEqual([...list.responses.get('200')!.headers.get('X-Total')!.schema.types!], ['integer']);
    assert.deepEqual(list.security, [new Map([['basic', []]])]);
    assert.equal(list.securityDeclared, false);

    const create = op(api, 'post', '/items');
    assert.equal(create.requestBody!.required, true);
    const item = create.requestBody!.content.get('application/json')!.schema!;
    assert.deepEqual(shape(item), { types: ['object'], nullable: false, format: undefined, properties: ['id', 'price', 'note'], required: ['id'] });
    assert.deepEqual(item.properties.get('price')!.minimum, { value: 0, exclusive: true });
    assert.equal(item.properties.get('note')!.nullable, true, 'x-nullable');
    assert.equal(item.origin.pointer, '/definitions/Item');
    assert.deepEqual(create.security, [new Map([['oauth', ['read']]])]);

    const upload = op(api, 'put', '/items/{id}/photo');
    const form = upload.requestBody!.content.get('multipart/form-data')!.schema!;
    assert.deepEqual(shape(form), { types: ['object'], nullable: false, format: undefined, properties: ['file', 'caption'], required: ['file'] });
    assert.deepEqual(shape(form.properties.get('file')), { types: ['string'], nullable: false, format: 'binary', properties: [], required: [] });
    assert.deepEqual(upload.parameters.map((p) => p.name), ['id']);

    const oauth = api.securitySchemes.get('oauth')!;
    assert.deepEqual([oauth.type, [...oauth.flows.keys()], oauth.flows.get('clientCredentials')!.scopes], ['oauth2', ['clientCredentials'], ['read']]);
    assert.deepEqual([api.securitySchemes.get('basic')!.type, api.securitySchemes.get('basic')!.scheme], ['http', 'basic']);
  });
});

describe('buildApi: OpenAPI 3.0', () => {
  test('path-level parameters merged, operation-level ones override; security [] means none; deprecation and sunset', async () => {
    const api = await apiOf(yaml`
      openapi: 3.0.3
      info: {title: T, version: '2'}
      security: [{key: []}]
      servers: [{url: 'https://a.example'}]
      paths:
        /things/{id}:
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
            - {name: q, in: query, schema: {type: string}}
          get:
            deprecated: true
            x-sunset: '2030-01-01'
            security: []
            parameters:
              - {name: q, in: query, required: true, schema: {type: integer}}
              - {$ref: '#/components/parameters/Limit'}
            responses:
              '200':
                $ref: '#/components/responses/Thing'
      components:
        parameters:
          Limit: {name: limit, in: query, schema: {type: integer, maximum: 50}}
        responses:
          Thing:
            description: ok
            headers:
              Sunset: {schema: {type: string}}
            content:
              application/json:
                schema: {type: object, nullable: true, properties: {a: {type: string}}}
        securitySchemes:
          key: {type: apiKey, in: header, name: X-Key}
    `);
    const get = op(api, 'get', '/things/{id}');
    assert.deepEqual(get.parameters.map((p) => `${p.in}:${p.name}:${p.required}:${[...p.schema.types!]}`), ['path:id:true:string', 'query:q:true:integer', 'query:limit:false:integer']);
    assert.equal(get.parameters[2]!.origin.pointer, '/components/parameters/Limit');
    assert.deepEqual(get.security, []);
    assert.equal(get.securityDeclared, true);
    assert.equal(get.deprecated, true);
    assert.equal(get.sunset, '2030-01-01');
    assert.deepEqual(get.servers.map((s) => s.url), ['https://a.example']);
    const response = get.responses.get('200')!;
    assert.equal(response.origin.pointer, '/components/responses/Thing');
    assert.deepEqual(shape(response.content.get('application/json')!.schema), { types: ['object'], nullable: true, format: undefined, properties: ['a'], required: [] });
    assert.deepEqual([...response.headers.keys()], ['Sunset']);
    assert.deepEqual(api.security, [new Map([['key', []]])]);
  });

  test('allOf members are merged; recursive schemas stay cyclic; schemas from other files keep their file', async () => {
    const api = await apiOf(
      yaml`
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths: {}
        components:
          schemas:
            Node:
              allOf:
                - $ref: 'common.yaml#/Named'
                - type: object
                  required: [children]
                  properties:
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
      `,
      { 'common.yaml': 'Named: {type: object, required: [name], properties: {name: {type: string, maxLength: 10}}}\n' },
    );
    const node = api.schemas.get('Node')!;
    assert.deepEqual(shape(node), { types: ['object'], nullable: false, format: undefined, properties: ['name', 'children'], required: ['name', 'children'] });
    assert.equal(node.properties.get('children')!.items, node, 'the cycle is an object cycle');
    assert.equal(node.properties.get('name')!.origin.source.displayPath, 'common.yaml');
    assert.equal(node.properties.get('name')!.origin.pointer, '/Named/properties/name');
    assert.equal(node.properties.get('name')!.maxLength, 10);
  });
});

describe('buildApi: OpenAPI 3.1', () => {
  test('type arrays with null, const, prefixItems, unevaluatedProperties, numeric exclusive bounds, webhooks', async () => {
    const api = await apiOf(yaml`
      openapi: 3.1.0
      info: {title: T, version: '1'}
      paths:
        /x:
          post:
            requestBody:
              content:
                application/json:
                  schema:
                    type: [object, 'null']
                    unevaluatedProperties: false
                    properties:
                      kind: {const: circle}
                      point: {type: array, prefixItems: [{type: number}, {type: number}]}
                      radius: {type: number, exclusiveMinimum: 0}
            responses: {'204': {description: ok}}
      webhooks:
        created:
          post:
            responses: {'200': {description: ok}}
    `);
    const schema = op(api, 'post', '/x').requestBody!.content.get('application/json')!.schema!;
    assert.deepEqual([...schema.types!], ['object']);
    assert.equal(schema.nullable, true);
    assert.equal(schema.unevaluatedProperties, false);
    assert.deepEqual([schema.properties.get('kind')!.hasConst, schema.properties.get('kind')!.const], [true, 'circle']);
    assert.equal(schema.properties.get('point')!.prefixItems!.length, 2);
    assert.deepEqual(schema.properties.get('radius')!.minimum, { value: 0, exclusive: true });
    assert.deepEqual(api.webhooks.map((w) => `${w.method} ${w.path}`), ['post created']);
  });
});

describe('buildApi: hostile schemas', () => {
  test('unmodelled keywords over schemas that all refer to each other stay bounded ($refs by name past the budget)', async () => {
    // Inlined fully, every route through 12 mutually referring schemas is written out: exponential.
    const names = Array.from({ length: 12 }, (_, i) => `S${i}`);
    const schemas = Object.fromEntries(names.map((name) => [name, { type: 'object', properties: Object.fromEntries(names.map((other) => [other.toLowerCase(), { $ref: `#/components/schemas/${other}` }])) }]));
    const text = JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: { '/a': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', patternProperties: { '^x': { $ref: '#/components/schemas/S0' } } } } } }, responses: { '200': { description: 'ok' } } } } },
      components: { schemas },
    });
    const api = await apiOf(text);
    const unmodelled = op(api, 'post', '/a').requestBody!.content.get('application/json')!.schema!.unmodelled!.get('patternProperties')!;
    assert.ok(unmodelled.length < 5_000_000, `${unmodelled.length} characters`);
    assert.match(unmodelled, /\{"\$ref":"S\d+"\}/);
    // The same document gives the same text: a diff against itself reports nothing.
    const again = await apiOf(text);
    assert.equal(op(again, 'post', '/a').requestBody!.content.get('application/json')!.schema!.unmodelled!.get('patternProperties'), unmodelled);
  });

  test('a oneOf of only null is the null type, with no variants left', async () => {
    const api = await apiOf(yaml`
      openapi: 3.1.0
      info: { title: T, version: '1' }
      paths:
        /a:
          post:
            requestBody: { content: { application/json: { schema: { oneOf: [{ type: 'null' }] } } } }
            responses: { '200': { description: ok } }
    `);
    const schema = op(api, 'post', '/a').requestBody!.content.get('application/json')!.schema!;
    assert.deepEqual({ types: [...schema.types!], nullable: schema.nullable, oneOf: schema.oneOf }, { types: [], nullable: true, oneOf: undefined });
  });
});
