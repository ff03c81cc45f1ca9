import { OP, oas3, withOperation, type DiffCase } from '../harness.js';

const schemes = { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' }, oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://a.example/token', scopes: { read: '', write: '' } } } } } } };
const secured = (security?: unknown[], global?: unknown[]) => withOperation(security === undefined ? {} : { security }, { ...schemes, ...(global ? { security: global } : {}) });
const webhook = (name: string) => ({ openapi: '3.1.0', info: { title: 'Test', version: '1.0.0' }, webhooks: { [name]: { post: { responses: { '200': { description: 'ok' } } } } } });

/** Security, servers, webhooks and the versioning policy. */
export const apiWideCases: DiffCase[] = [
  {
    name: 'an anonymous endpoint starts requiring a key',
    base: secured(),
    revision: secured([{ key: [] }]),
    expected: [{ id: 'operation-security-added', level: 'breaking', message: 'POST /items: the endpoint now requires authentication ("key")', at: `revision.yaml#${OP}`, related: `base.yaml#${OP}` }],
  },
  {
    name: 'explicit security: [] makes an endpoint anonymous despite a global requirement',
    base: secured(undefined, [{ key: [] }]),
    revision: secured([], [{ key: [] }]),
    expected: [{ id: 'operation-security-removed', level: 'warning', message: 'POST /items: the endpoint no longer requires authentication', at: `base.yaml#${OP}`, related: `revision.yaml#${OP}` }],
  },
  {
    name: 'a second scheme required together with the first',
    base: secured([{ key: [] }]),
    revision: secured([{ key: [], oauth: [] }]),
    expected: [{ id: 'operation-security-scheme-added', level: 'breaking', message: 'POST /items: the endpoint now also requires security scheme "oauth"', at: `revision.yaml#${OP}`, related: `base.yaml#${OP}` }],
  },
  {
    name: 'one of two accepted schemes dropped',
    base: secured([{ key: [] }, { oauth: ['read'] }]),
    revision: secured([{ oauth: ['read'] }]),
    expected: [{ id: 'operation-security-scheme-removed', level: 'breaking', message: 'POST /items: the endpoint no longer accepts security "key"', at: `base.yaml#${OP}`, related: `revision.yaml#${OP}` }],
  },
  {
    name: 'another accepted scheme',
    base: secured([{ key: [] }]),
    revision: secured([{ key: [] }, { oauth: ['read'] }]),
    expected: [{ id: 'operation-security-alternative-added', level: 'info', message: 'POST /items: the endpoint also accepts security "oauth"', at: `revision.yaml#${OP}`, related: `base.yaml#${OP}` }],
  },
  {
    name: 'a scope added to and another removed from an operation',
    base: secured([{ oauth: ['read'] }]),
    revision: secured([{ oauth: ['write'] }]),
    expected: [
      { id: 'operation-security-scope-removed', level: 'info', message: 'POST /items: the endpoint no longer requires scope(s) read of "oauth"', at: `base.yaml#${OP}`, related: `revision.yaml#${OP}` },
      { id: 'operation-security-scope-added', level: 'breaking', message: 'POST /items: the endpoint now requires scope(s) write of "oauth"', at: `revision.yaml#${OP}`, related: `base.yaml#${OP}` },
    ],
  },
  {
    name: 'global security added is reported once, not per operation',
    base: secured(),
    revision: secured(undefined, [{ key: [] }]),
    expected: [{ id: 'global-security-added', level: 'breaking', message: 'the API now requires authentication ("key")', at: 'revision.yaml#/security', related: 'base.yaml#/info' }],
  },
  {
    name: 'global security removed',
    base: secured(undefined, [{ key: [] }]),
    revision: secured(),
    expected: [{ id: 'global-security-removed', level: 'warning', message: 'the API no longer requires authentication', at: 'base.yaml#/security', related: 'revision.yaml#/info' }],
  },
  {
    name: 'global scheme added to the requirement',
    base: secured(undefined, [{ key: [] }]),
    revision: secured(undefined, [{ key: [], oauth: [] }]),
    expected: [{ id: 'global-security-scheme-added', level: 'breaking', message: 'the API now also requires security scheme "oauth"', at: 'revision.yaml#/security', related: 'base.yaml#/security' }],
  },
  {
    name: 'global alternative removed',
    base: secured(undefined, [{ key: [] }, { oauth: [] }]),
    revision: secured(undefined, [{ oauth: [] }]),
    expected: [{ id: 'global-security-scheme-removed', level: 'breaking', message: 'the API no longer accepts security "key"', at: 'base.yaml#/security', related: 'revision.yaml#/security' }],
  },
  {
    name: 'global alternative added',
    base: secured(undefined, [{ key: [] }]),
    revision: secured(undefined, [{ key: [] }, { oauth: [] }]),
    expected: [{ id: 'global-security-alternative-added', level: 'info', message: 'the API also accepts security "oauth"', at: 'revision.yaml#/security', related: 'base.yaml#/security' }],
  },
  {
    name: 'global scopes changed',
    base: secured(undefined, [{ oauth: ['read'] }]),
    revision: secured(undefined, [{ oauth: ['write'] }]),
    expected: [
      { id: 'global-security-scope-removed', level: 'info', message: 'the API no longer requires scope(s) read of "oauth"', at: 'base.yaml#/security', related: 'revision.yaml#/security' },
      { id: 'global-security-scope-added', level: 'breaking', message: 'the API now requires scope(s) write of "oauth"', at: 'revision.yaml#/security', related: 'base.yaml#/security' },
    ],
  },
  {
    name: 'security schemes defined, dropped and retyped',
    base: oas3({ components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' }, basic: { type: 'http', scheme: 'basic' } } } }),
    revision: oas3({ components: { securitySchemes: { key: { type: 'apiKey', in: 'query', name: 'key' }, bearer: { type: 'http', scheme: 'bearer' } } } }),
    expected: [
      { id: 'security-scheme-removed', level: 'warning', message: 'security scheme "basic" removed', at: 'base.yaml#/components/securitySchemes/basic', related: 'revision.yaml#/info' },
      { id: 'security-scheme-type-changed', level: 'breaking', message: 'security scheme "key" changed from apiKey in header "X-Key" to apiKey in query "key"', at: 'revision.yaml#/components/securitySchemes/key', related: 'base.yaml#/components/securitySchemes/key' },
      { id: 'security-scheme-added', level: 'info', message: 'security scheme "bearer" added', at: 'revision.yaml#/components/securitySchemes/bearer', related: 'base.yaml#/info' },
    ],
  },
  {
    name: 'OAuth2 flows: one dropped, one added, a token URL moved and a scope no longer defined',
    base: oas3({ components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://a.example/token', scopes: { read: '', write: '' } }, implicit: { authorizationUrl: 'https://a.example/auth', scopes: {} } } } } } }),
    revision: oas3({ components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://b.example/token', scopes: { read: '' } }, authorizationCode: { authorizationUrl: 'https://a.example/auth', tokenUrl: 'https://a.example/token', scopes: {} } } } } } }),
    expected: [
      { id: 'security-scheme-flow-removed', level: 'breaking', message: 'security scheme "oauth" no longer offers the OAuth2 implicit flow', at: 'base.yaml#/components/securitySchemes/oauth', related: 'revision.yaml#/components/securitySchemes/oauth' },
      { id: 'security-scheme-scope-removed', level: 'warning', message: 'security scheme "oauth" clientCredentials flow no longer defines scope(s) write', at: 'base.yaml#/components/securitySchemes/oauth', related: 'revision.yaml#/components/securitySchemes/oauth' },
      {
        id: 'security-scheme-url-changed',
        level: 'warning',
        message: 'security scheme "oauth" clientCredentials tokenUrl changed from https://a.example/token to https://b.example/token',
        at: 'revision.yaml#/components/securitySchemes/oauth',
        related: 'base.yaml#/components/securitySchemes/oauth',
      },
      { id: 'security-scheme-flow-added', level: 'info', message: 'security scheme "oauth" offers the OAuth2 authorizationCode flow', at: 'revision.yaml#/components/securitySchemes/oauth', related: 'base.yaml#/components/securitySchemes/oauth' },
    ],
  },
  {
    name: 'servers replaced',
    base: oas3({ servers: [{ url: 'https://a.example' }] }),
    revision: oas3({ servers: [{ url: 'https://b.example' }] }),
    expected: [
      { id: 'server-removed', level: 'warning', message: 'server https://a.example removed', at: 'base.yaml#/servers/0', related: 'revision.yaml#/info' },
      { id: 'server-added', level: 'info', message: 'server https://b.example added', at: 'revision.yaml#/servers/0', related: 'base.yaml#/info' },
    ],
  },
  {
    name: 'OpenAPI 3.1 webhooks replaced',
    base: webhook('itemCreated'),
    revision: webhook('itemUpdated'),
    expected: [
      { id: 'webhook-removed', level: 'breaking', message: 'webhook "itemCreated" (POST) removed', at: 'base.yaml#/webhooks/itemCreated/post', related: 'revision.yaml#/info' },
      { id: 'webhook-added', level: 'info', message: 'webhook "itemUpdated" (POST) added', at: 'revision.yaml#/webhooks/itemUpdated/post', related: 'base.yaml#/info' },
    ],
  },
  {
    name: 'a breaking change without a major version bump violates the versioning policy',
    base: oas3({ paths: { '/old': { get: { responses: { '200': { description: 'ok' } } } } } }, '1.4.0'),
    revision: oas3({}, '1.5.0'),
    options: { policy: { versionBump: 'major' } },
    expected: [
      { id: 'endpoint-removed-without-deprecation', level: 'breaking', message: 'GET /old: endpoint removed without being deprecated first', at: 'base.yaml#/paths/~1old/get' },
      { id: 'version-bump-required', level: 'breaking', message: 'breaking changes need a new major version, but info.version went from "1.4.0" to "1.5.0"', at: 'revision.yaml#/info/version', related: 'base.yaml#/info/version' },
    ],
  },
  {
    name: 'while 0.x a patch bump is not enough, and the message asks for a minor one',
    base: oas3({ paths: { '/old': { get: { responses: { '200': { description: 'ok' } } } } } }, '0.1.0'),
    revision: oas3({}, '0.1.5'),
    options: { policy: { versionBump: 'major' } },
    expected: [
      { id: 'endpoint-removed-without-deprecation', level: 'breaking', message: 'GET /old: endpoint removed without being deprecated first', at: 'base.yaml#/paths/~1old/get' },
      { id: 'version-bump-required', level: 'breaking', message: 'breaking changes need a new minor (or major) version, but info.version went from "0.1.0" to "0.1.5"', at: 'revision.yaml#/info/version', related: 'base.yaml#/info/version' },
    ],
  },
  {
    name: 'a major bump satisfies the policy (a minor bump while 0.x)',
    base: oas3({ paths: { '/old': { get: { responses: { '200': { description: 'ok' } } } } } }, '0.4.0'),
    revision: oas3({}, '0.5.0'),
    options: { policy: { versionBump: 'major' } },
    expected: [{ id: 'endpoint-removed-without-deprecation', level: 'breaking', message: 'GET /old: endpoint removed without being deprecated first', at: 'base.yaml#/paths/~1old/get' }],
  },
];

const owner = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
const nullables = (owner: unknown, label: unknown) => ({ type: 'object', properties: { owner, label } });
const bodies = (schema: unknown) => ({
  requestBody: { content: { 'application/json': { schema } } },
  responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } },
});

/** Cases that must report nothing. */
export const apiWideQuietCases: DiffCase[] = [
  {
    name: "3.0's nullable rewritten as 3.1's oneOf/anyOf with {type: 'null'}, in requests and responses",
    base: withOperation(bodies(nullables({ nullable: true, allOf: [{ $ref: '#/components/schemas/Owner' }] }, { type: 'string', nullable: true })), { components: { schemas: { Owner: owner } } }),
    revision: {
      ...withOperation(bodies(nullables({ oneOf: [{ $ref: '#/components/schemas/Owner' }, { type: 'null' }] }, { anyOf: [{ type: 'string' }, { type: 'null', description: 'no label' }] })), { components: { schemas: { Owner: owner } } }),
      openapi: '3.1.0',
    },
    expected: [],
  },
  {
    name: 'a single-value enum rewritten as const (and back) allows the same values',
    base: withOperation({
      requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { kind: { type: 'string', enum: ['a'] } } } } } },
      responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { kind: { type: 'string', const: 'b' } } } } } } },
    }),
    revision: withOperation({
      requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { kind: { type: 'string', const: 'a' } } } } } },
      responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { kind: { type: 'string', enum: ['b'] } } } } } } },
    }),
    expected: [],
  },
  {
    name: 'one scheme in two alternatives with different scopes, unchanged',
    base: withOperation({ security: [{ oauth: ['read'] }, { oauth: ['write'] }] }, schemes),
    revision: withOperation({ security: [{ oauth: ['read'] }, { oauth: ['write'] }] }, schemes),
    expected: [],
  },
  {
    name: 'a readOnly property required in the request body and a writeOnly one dropped from the response',
    base: withOperation({
      requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string', readOnly: true } } } } } },
      responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { password: { type: 'string', writeOnly: true } } } } } } },
    }),
    revision: withOperation({
      requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string', readOnly: true } } } } } },
      responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } },
    }),
    expected: [],
  },
];
