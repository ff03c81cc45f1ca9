import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { yaml } from '../../testing/dedent.js';
import { score } from '../score.js';

/**
 * Calibration: small contrasting descriptions whose order the score must keep. The same three-
 * operation API written three ways: with nothing, with authentication only, and complete (auth,
 * errors with schemas, rate limits, examples, descriptions).
 */
const ROOT = path.resolve('/virtual/calibration');
const run = async (spec: string) => {
  const result = await score(path.join(ROOT, 'api.yaml'), { cwd: ROOT, overlay: new Map([[path.join(ROOT, 'api.yaml'), spec]]), overlayOnly: true });
  assert.deepEqual(result.errors, []);
  return result.score!.documents[0]!;
};

const BARE = yaml`
  openapi: 3.0.3
  info: { title: Orders, version: '1' }
  servers: [{ url: 'https://api.shop.io/v1' }]
  paths:
    /orders:
      get:
        operationId: listOrders
        responses:
          '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Order' } } } } }
      post:
        operationId: createOrder
        requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } }
        responses:
          '201': { description: created, content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } }
    /orders/{orderId}:
      get:
        operationId: getOrder
        parameters: [{ name: orderId, in: path, required: true, schema: { type: string } }]
        responses:
          '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } }
  components:
    schemas:
      Order:
        type: object
        properties:
          id: { type: string }
          total: { type: integer }
`;

/** BARE plus a bearer scheme required everywhere: nothing else. */
const AUTH_ONLY = BARE.replace("servers: [{ url: 'https://api.shop.io/v1' }]", "servers: [{ url: 'https://api.shop.io/v1' }]\nsecurity: [{ bearer: [] }]").replace(
  'components:\n  schemas:',
  'components:\n  securitySchemes:\n    bearer: { type: http, scheme: bearer, bearerFormat: opaque }\n  schemas:',
);

const COMPLETE = yaml`
  openapi: 3.0.3
  info: { title: Orders, version: '1', description: Orders of the shop., contact: { email: api@shop.io } }
  servers: [{ url: 'https://api.shop.io/v1', description: Production, x-internal: false }]
  security: [{ bearer: [] }]
  tags: [{ name: orders, description: Orders. }]
  paths:
    /orders:
      get:
        operationId: listOrders
        summary: List orders
        description: Lists the caller's orders, newest first.
        tags: [orders]
        parameters:
          - { name: limit, in: query, description: Page size., schema: { type: integer, format: int32, minimum: 1, maximum: 100 } }
        responses:
          '200':
            description: ok
            headers: { RateLimit: { $ref: '#/components/headers/RateLimit' }, Access-Control-Allow-Origin: { $ref: '#/components/headers/Cors' } }
            content: { application/json: { schema: { type: array, maxItems: 100, items: { $ref: '#/components/schemas/Order' } }, example: [{ id: 4c1f0b7e-2a4b-4d0e-9d2a-1f3e5b7c9d11, total: 1200 }] } }
          '400': { $ref: '#/components/responses/Problem' }
          '401': { $ref: '#/components/responses/Problem' }
          '403': { $ref: '#/components/responses/Problem' }
          '429': { $ref: '#/components/responses/TooMany' }
          '500': { $ref: '#/components/responses/Problem' }
      post:
        operationId: createOrder
        summary: Create an order
        description: Places an order for the caller.
        tags: [orders]
        parameters:
          - { name: Idempotency-Key, in: header, required: true, description: Replay guard., schema: { type: string, format: uuid } }
        requestBody:
          content: { application/json: { schema: { $ref: '#/components/schemas/Order' }, example: { total: 1200 } } }
        responses:
          '201':
            description: created
            headers: { RateLimit: { $ref: '#/components/headers/RateLimit' }, Access-Control-Allow-Origin: { $ref: '#/components/headers/Cors' } }
            content: { application/json: { schema: { $ref: '#/components/schemas/Order' }, example: { id: 4c1f0b7e-2a4b-4d0e-9d2a-1f3e5b7c9d11, total: 1200 } } }
          '400': { $ref: '#/components/responses/Problem' }
          '401': { $ref: '#/components/responses/Problem' }
          '403': { $ref: '#/components/responses/Problem' }
          '429': { $ref: '#/components/responses/TooMany' }
          '500': { $ref: '#/components/responses/Problem' }
    /orders/{orderId}:
      get:
        operationId: getOrder
        summary: Get an order
        description: Reads one order of the caller.
        tags: [orders]
        parameters: [{ name: orderId, in: path, required: true, description: The order., schema: { type: string, format: uuid } }]
        responses:
          '200':
            description: ok
            headers: { RateLimit: { $ref: '#/components/headers/RateLimit' }, Access-Control-Allow-Origin: { $ref: '#/components/headers/Cors' } }
            content: { application/json: { schema: { $ref: '#/components/schemas/Order' }, example: { id: 4c1f0b7e-2a4b-4d0e-9d2a-1f3e5b7c9d11, total: 1200 } } }
          '400': { $ref: '#/components/responses/Problem' }
          '401': { $ref: '#/components/responses/Problem' }
          '403': { $ref: '#/components/responses/Problem' }
          '404': { $ref: '#/components/responses/Problem' }
          '429': { $ref: '#/components/responses/TooMany' }
          '500': { $ref: '#/components/responses/Problem' }
  components:
    securitySchemes:
      bearer: { type: http, scheme: bearer, bearerFormat: opaque }
    headers:
      RateLimit: { description: Remaining quota., schema: { type: string, maxLength: 100, pattern: '^[a-z0-9=;, ]+$' } }
      Cors: { description: Allowed origin., schema: { type: string, maxLength: 100, format: uri } }
    responses:
      Problem:
        description: A problem.
        headers: { RateLimit: { $ref: '#/components/headers/RateLimit' }, Access-Control-Allow-Origin: { $ref: '#/components/headers/Cors' } }
        content: { application/problem+json: { schema: { $ref: '#/components/schemas/Problem' }, example: { title: Bad request } } }
      TooMany:
        description: Slow down.
        headers: { Retry-After: { description: Seconds., schema: { type: integer, format: int32, minimum: 0, maximum: 3600 } }, RateLimit: { $ref: '#/components/headers/RateLimit' }, Access-Control-Allow-Origin: { $ref: '#/components/headers/Cors' } }
        content: { application/problem+json: { schema: { $ref: '#/components/schemas/Problem' }, example: { title: Too many requests } } }
    schemas:
      Order:
        type: object
        additionalProperties: false
        properties:
          id: { type: string, format: uuid, readOnly: true }
          total: { type: integer, format: int64, minimum: 0, maximum: 100000000 }
      Problem:
        type: object
        additionalProperties: false
        properties:
          title: { type: string, maxLength: 200, pattern: '^[ -~]*$' }
`;

describe('score calibration', () => {
  it('orders bare < authentication only < complete, far apart', async () => {
    const [bare, authOnly, complete] = [await run(BARE), await run(AUTH_ONLY), await run(COMPLETE)];
    const summary = (d: typeof bare) => `${d.overall} (security ${d.categories.security!.score}, design ${d.categories.design!.score}, documentation ${d.categories.documentation!.score})`;
    const detail = `bare ${summary(bare)}, auth only ${summary(authOnly)}, complete ${summary(complete)}`;
    assert.ok(bare.overall < authOnly.overall && authOnly.overall < complete.overall, detail);
    assert.ok(complete.overall - bare.overall >= 40, detail);
    assert.ok(complete.overall >= 90, detail);
    assert.ok(bare.overall < 50, detail);
    assert.ok(authOnly.categories.security!.score - bare.categories.security!.score >= 40, detail);
  });

  it('explains a capped score: which gate, how many operations', async () => {
    const bare = await run(BARE);
    const security = bare.categories.security!;
    assert.deepEqual(security.caps.map((cap) => [cap.gate, cap.limit, cap.reason]), [['authentication', 30, '3 of 3 operations can be called without authentication']]);
    assert.equal(security.score, 30);
    assert.ok(security.uncapped > security.score);
    assert.deepEqual(bare.categories.design!.caps.map((cap) => cap.reason), ['3 of 3 operations document no error response with a body']);
    assert.deepEqual(bare.categories.documentation!.caps.map((cap) => cap.gate), ['descriptions', 'examples']);
  });

  it('one noisy hygiene rule cannot sink a complete description', async () => {
    // 40 unbounded strings: string-limit and string-restricted fire 40 times each, on a 3-operation API.
    const noisy = COMPLETE.replace('title: { type: string, maxLength: 200, pattern: \'^[ -~]*$\' }', Array.from({ length: 40 }, (_, i) => `f${i}: { type: string }`).join('\n        '));
    const [complete, withNoise] = [await run(COMPLETE), await run(noisy)];
    assert.ok(complete.overall - withNoise.overall <= 5, `${complete.overall} vs ${withNoise.overall}`);
    assert.ok(withNoise.overall > (await run(AUTH_ONLY)).overall);
  });
});
