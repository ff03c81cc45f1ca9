import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Exchange } from '../../traffic/exchange.js';
import { InventoryBuilder } from '../inventory.js';
import { reconstructOpenApi } from '../openapi.js';

function exchange(method: string, url: string, status: number, responseBody?: unknown, headers: Record<string, string> = {}, durationMs = 10): Exchange {
  return {
    startedAt: Date.parse('2026-01-02T00:00:00Z'),
    durationMs,
    origin: 't',
    request: { method, url, headers },
    response: { status, headers: { 'content-type': 'application/json' }, body: responseBody === undefined ? undefined : { mediaType: 'application/json', text: JSON.stringify(responseBody) } },
  };
}

describe('InventoryBuilder', () => {
  it('aggregates per template: counts, statuses, latency, auth, sensitive fields, schemas; path values never printed', () => {
    const builder = new InventoryBuilder();
    for (let k = 0; k < 10; k++) builder.add(exchange('GET', `https://api.test/users/${100 + k}?expand=true`, 200, { id: 100 + k, email: `u${k}@example.com` }, k % 2 ? { authorization: 'Basic dTpw' } : {}, 10 + k));
    builder.add(exchange('GET', 'https://api.test/users/a@example.com', 404, { error: 'nf' }));
    const inventory = builder.finish();
    assert.equal(inventory.endpoints.length, 1);
    const [endpoint] = inventory.endpoints;
    assert.equal(endpoint!.path, '/users/{userId}');
    assert.equal(endpoint!.count, 11);
    assert.deepEqual(endpoint!.statuses, { 200: 10, 404: 1 });
    assert.deepEqual(endpoint!.auth, { kinds: { none: 6, basic: 5 }, unauthenticated: 6, unauthenticatedSuccess: 5 });
    assert.deepEqual(endpoint!.sensitive, ['email']);
    assert.deepEqual(endpoint!.sensitiveFields, [{ where: 'response.body', field: 'email', dataClass: 'email', count: 10 }]);
    assert.deepEqual(endpoint!.responses['200']!['application/json'], { type: 'object', properties: { email: { type: 'string', format: 'email' }, id: { type: 'integer' } }, required: ['email', 'id'] });
    assert.deepEqual(endpoint!.query, [{ name: 'expand', count: 10, schema: { type: 'boolean' } }]);
    assert.ok(endpoint!.latencyMs!.p50! >= 13 && endpoint!.latencyMs!.p50! <= 18, JSON.stringify(endpoint!.latencyMs));
    assert.ok(!JSON.stringify(inventory).includes('a@example.com'), 'the e-mail used as a path value is not printed');
    assert.ok(!/"10\d"/.test(JSON.stringify(inventory)), 'nor the IDs used as path values');
    const openapi = reconstructOpenApi(inventory) as { paths: Record<string, Record<string, { parameters: unknown[] }>> };
    assert.deepEqual(openapi.paths['/users/{userId}']!.get!.parameters[0], { name: 'userId', in: 'path', required: true, schema: { type: 'string' }, 'x-rampart-confidence': endpoint!.parameters[0]!.confidence });
  });

  it('never writes an observed value into the inventory or the reconstructed OpenAPI (the user trial)', () => {
    const profile = { name: 'John Smith', password: 'hunter2hunter2', pin: '4821', recoveryCode: 'ABCD-EFGH', address: '12 Baker Street, London', accessToken: 'abc123def456' };
    const builder = new InventoryBuilder();
    for (let k = 0; k < 20; k++) builder.add(exchange('GET', `https://api.example.test/profile/${100 + k}`, 200, { ...profile, status: k % 2 ? 'active' : 'pending' }));
    const inventory = builder.finish();
    const outputs = { inventory: JSON.stringify(inventory), openapi: JSON.stringify(reconstructOpenApi(inventory)) };
    for (const [output, text] of Object.entries(outputs)) {
      for (const value of [...Object.values(profile), '100', '119']) assert.ok(!text.includes(JSON.stringify(value)), `${output} holds ${value}`);
      assert.ok(text.includes('"enum":["active","pending"]'), `${output} keeps the status enum`);
    }
  });

  it('200 000 exchanges with distinct ids in one position: bounded memory', () => {
    const builder = new InventoryBuilder();
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < 200_000; k++) builder.add(exchange('GET', `https://api.test/items/${k}`, 200));
    const inventory = builder.finish();
    const grown = process.memoryUsage().heapUsed - before;
    assert.equal(inventory.endpoints.length, 1);
    assert.equal(inventory.endpoints[0]!.count, 200_000);
    assert.equal(inventory.endpoints[0]!.parameters[0]!.distinctValues, '≥1000');
    assert.ok(grown < 64 * 1024 * 1024, `heap grew by ${Math.round(grown / 1048576)} MB`);
  });
});
