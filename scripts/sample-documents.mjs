// Sample API descriptions for the build's code caches: run through the official-schema validators
// (build-validators.mjs) and linted by the bundled CLI (bundle.mjs), so V8 compiles what a run needs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';

/** Samples by format: Swagger 2.0, OpenAPI 3.0 and 3.1, the bundled examples among them. */
export function sampleDocuments(root) {
  const example = (file) => load(readFileSync(path.join(root, file), 'utf8'));
  const operations = (parameter, body, response) => ({
    '/books/{bookId}': {
      parameters: [parameter],
      get: { operationId: 'getBook', summary: 'A book', tags: ['books'], security: [{ bearer: [] }], responses: { 200: response, default: response } },
      post: { operationId: 'postBook', deprecated: true, ...body, responses: { 201: response, 400: response } },
    },
  });
  const schemas = {
    Book: { type: 'object', required: ['id'], properties: { id: { type: 'integer', format: 'int64', readOnly: true }, title: { type: 'string', maxLength: 10, pattern: '^a' }, tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } } }, additionalProperties: false },
    Either: { allOf: [{ $ref: '#/components/schemas/Book' }], description: 'd', example: { id: 1 } },
  };
  const samples = {
    oas2: [
      {
        swagger: '2.0', info: { title: 't', version: '1', contact: { name: 'n' }, license: { name: 'MIT' } }, host: 'api.example.com', basePath: '/v1', schemes: ['https'], consumes: ['application/json'], produces: ['application/json'], tags: [{ name: 'books', description: 'd' }],
        securityDefinitions: { bearer: { type: 'apiKey', in: 'header', name: 'Authorization' }, oauth: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://x', tokenUrl: 'https://y', scopes: { read: 'r' } } },
        paths: operations({ name: 'bookId', in: 'path', required: true, type: 'integer' }, { parameters: [{ name: 'body', in: 'body', schema: { $ref: '#/definitions/Book' } }, { name: 'q', in: 'query', type: 'array', items: { type: 'string' }, collectionFormat: 'csv' }] }, { description: 'ok', schema: { $ref: '#/definitions/Book' }, headers: { 'X-Rate': { type: 'integer' } }, examples: { 'application/json': { id: 1 } } }),
        definitions: { Book: schemas.Book, Either: { ...schemas.Either, allOf: [{ $ref: '#/definitions/Book' }] } },
      },
    ],
    'oas3.0': [example('examples/bookstore/openapi.yaml')],
    'oas3.1': [example('examples/traffic-demo/openapi.yaml')],
  };
  const openapi3 = (version) => ({
    openapi: version, info: { title: 't', version: '1', license: { name: 'MIT' } }, servers: [{ url: 'https://api.example.com/{v}', variables: { v: { default: 'v1', enum: ['v1'] } } }], tags: [{ name: 'books' }],
    paths: operations({ name: 'bookId', in: 'path', required: true, schema: { type: 'integer' } }, { requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' }, examples: { one: { value: { id: 1 } } } } } } }, { description: 'ok', headers: { 'X-Rate': { schema: { type: 'integer' } } }, content: { 'application/json': { schema: { oneOf: [{ $ref: '#/components/schemas/Book' }, { $ref: '#/components/schemas/Either' }], discriminator: { propertyName: 'id' } } } }, links: { self: { operationId: 'getBook' } } }),
    components: {
      schemas, responses: { Problem: { description: 'p', content: { 'application/problem+json': { schema: { type: 'object' } } } } }, parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } } },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, key: { type: 'apiKey', in: 'header', name: 'X-Key' }, oauth: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://x', tokenUrl: 'https://y', scopes: {} } } } },
    },
  });
  samples['oas3.0'].push(openapi3('3.0.3'));
  samples['oas3.1'].push(openapi3('3.1.0'));
  return samples;
}
