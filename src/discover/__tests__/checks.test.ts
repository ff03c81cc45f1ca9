import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Exchange } from '../../traffic/exchange.js';
import { splitPath } from '../../traffic/path-templater.js';
import { runChecks } from '../checks/index.js';
import { InventoryBuilder, type InventoryEndpoint } from '../inventory.js';
import { loadSpecModel, matchOperation, type SpecOperation } from '../spec-model.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rampart-checks-'));

const SPEC = `openapi: 3.1.0
info: { title: t, version: '1' }
security: [{ key: [] }]
paths:
  /users/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { id: { type: integer }, meta: { type: object, additionalProperties: true } } }
        default: { description: error }
  /users/me:
    get:
      security: []
      responses: { '200': { description: ok } }
  /old:
    get:
      deprecated: true
      responses: { '200': { description: ok } }
  /public:
    get:
      security: []
      responses: { '200': { description: ok, content: { application/json: { schema: { type: object } } } } }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-API-Key }
`;

interface Call {
  method?: string;
  path: string;
  status?: number;
  body?: unknown;
  key?: boolean;
}

async function findings(calls: Call[]): Promise<string[]> {
  const file = path.join(dir, 'spec.yaml');
  writeFileSync(file, SPEC);
  const spec = await loadSpecModel(file, dir);
  const builder = new InventoryBuilder({ spec });
  for (const call of calls) {
    const exchange: Exchange = {
      startedAt: 0,
      origin: 't',
      request: { method: call.method ?? 'GET', url: `https://api.test${call.path}`, headers: call.key ? { 'x-api-key': 'k-123456789' } : {} },
      response: { status: call.status ?? 200, headers: {}, body: call.body === undefined ? undefined : { mediaType: 'application/json', text: JSON.stringify(call.body) } },
    };
    builder.add(exchange);
  }
  const inventory = builder.finish();
  const documented = new Map<InventoryEndpoint, SpecOperation>();
  for (const endpoint of inventory.endpoints) {
    const operation = matchOperation(spec.operations, endpoint.method, splitPath(endpoint.path));
    if (operation) documented.set(endpoint, operation);
  }
  return runChecks({ inventory, spec, documented })
    .filter((finding) => finding.ruleId !== 'unused-endpoint')
    .map((finding) => `${finding.ruleId}: ${finding.message}`)
    .sort();
}

describe('discover checks', () => {
  const invalid: [string, Call[], string[]][] = [
    ['shadow endpoint', [{ path: '/admin/dump', key: true }], ['shadow-endpoint: GET /admin/dump is called (1×) but not documented']],
    ['zombie endpoint', [{ path: '/old', key: true }], ['zombie-endpoint: deprecated GET /old is still called 1× by 1 identity']],
    ['secured operation answers without credentials', [{ path: '/users/7', body: { id: 7 } }], ['unauthenticated-access: GET /users/{id} requires credentials but answered 2xx to 1 request without any']],
    [
      'undocumented field with sensitive data',
      [{ path: '/users/7', key: true, body: { id: 7, card: '4111111111111111' } }],
      ['undeclared-sensitive-data: GET /users/{id} returns credit-card in undeclared field card', 'undocumented-response-field: response 200 of GET /users/{id} has undocumented properties: card'],
    ],
    [
      'sensitive data in a free-form object is still undeclared (drift stays silent)',
      [{ path: '/users/7', key: true, body: { id: 7, meta: { email: 'a@b.co' } } }],
      ['undeclared-sensitive-data: GET /users/{id} returns email in undeclared field meta.email'],
    ],
    ['schema violation', [{ path: '/users/7', key: true, body: { id: 'seven' } }], ['response-schema-violation: 1 response of GET /users/{id} violate the documented schema: 200: /id must be integer']],
  ];
  for (const [name, calls, expected] of invalid) it(`invalid: ${name}`, async () => assert.deepEqual(await findings(calls), expected));

  /** Cases a naive implementation would flag; each must stay silent. */
  const falsePositives: [string, Call[]][] = [
    ['/users/me is documented literally, not shadow and not /users/{id}', [{ path: '/users/me' }]],
    ['a public operation answering anonymous calls', [{ path: '/public', body: {} }]],
    ['a secured operation refusing anonymous calls', [{ path: '/users/7', status: 401 }]],
    ['a status covered by default', [{ path: '/users/7', key: true, status: 418 }]],
    ['fields under a free-form object are not drift', [{ path: '/users/7', key: true, body: { id: 7, meta: { anything: 1 } } }]],
    ['a deprecated operation nobody calls is not a zombie', []],
  ];
  for (const [name, calls] of falsePositives) it(`false positive: ${name}`, async () => assert.deepEqual(await findings(calls), []));
});

describe('discover finding fingerprints', () => {
  it('survive a capture with different counts, differ between findings', async () => {
    const file = path.join(dir, 'spec.yaml');
    writeFileSync(file, SPEC);
    const spec = await loadSpecModel(file, dir);
    const run = async (times: number) => {
      const builder = new InventoryBuilder({ spec });
      for (let k = 0; k < times; k++) {
        for (const url of ['https://api.test/admin/a', 'https://api.test/admin/b']) {
          builder.add({ startedAt: k, origin: 't', request: { method: 'GET', url, headers: {} }, response: { status: 200, headers: {} } });
        }
      }
      const inventory = builder.finish();
      return runChecks({ inventory, spec, documented: new Map() }).filter((finding) => finding.ruleId === 'shadow-endpoint').map((finding) => finding.fingerprint);
    };
    const [once, thrice] = [await run(1), await run(3)];
    assert.deepEqual(once, thrice);
    assert.equal(new Set(once).size, 2);
    assert.match(once[0]!, /^[0-9a-f]{32}$/);
  });
});
