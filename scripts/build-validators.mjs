#!/usr/bin/env node
// Generates standalone Ajv validators for the official OpenAPI schemas into dist/generated/, so a
// lint run does not compile them at start-up. Runs after tsc (npm run build); the rules fall back
// to compiling at run time when the generated files are absent (tests run from source).
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { _ } = require('ajv');
const standaloneCode = require('ajv/dist/standalone').default;
const { standaloneAjv } = await import(path.join(root, 'dist/lint/rules/oas/support/ajv.js'));
const { standaloneSource } = await import(path.join(root, 'dist/lint/rules/oas/support/openapi-schema.js'));

const outDir = path.join(root, 'dist/generated');
mkdirSync(outDir, { recursive: true });
const dialects = { oas2: 'draft4', 'oas3.0': 'draft4', 'oas3.1': 'draft2020-12' };
for (const [format, dialect] of Object.entries(dialects)) {
  const ajv = standaloneAjv(dialect, _`require("ajv-formats/dist/formats").fullFormats`);
  const source = standaloneSource(format, ajv, standaloneCode);
  writeFileSync(path.join(outDir, `openapi-${format}.cjs`), source);
}

// V8 code caches of the generated modules, taken after they have validated sample documents, so a
// lint run neither parses the modules nor compiles the validator functions those documents reach
// (about a third of a small run). Each document of a format is exercised, plus every fragment.
const { tuneV8ForBatchRun, writeCodeCache } = await import(path.join(root, 'dist/core/code-cache.js'));
// Under the V8 settings lint runs with (cli/bundle-loader.ts): V8 takes a cache only under the flags it was written with.
tuneV8ForBatchRun();
const { load } = require('js-yaml');
const { readFileSync } = await import('node:fs');
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
for (const format of Object.keys(dialects)) {
  await writeCodeCache(path.join(outDir, `openapi-${format}.cjs`), (validators) => {
    for (const document of samples[format]) validators.document(document);
    for (const [name, validate] of Object.entries(validators)) if (name.startsWith('fragment_')) validate({});
  });
}
