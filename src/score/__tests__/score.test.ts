import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { yaml } from '../../testing/dedent.js';
import { score } from '../score.js';

const ROOT = path.resolve('/virtual/score');
const run = (spec: string) => score(path.join(ROOT, 'api.yaml'), { cwd: ROOT, overlay: new Map([[path.join(ROOT, 'api.yaml'), spec]]), overlayOnly: true });

describe('score()', () => {
  it('scores a document end to end: categories per OWASP 2023, tier from exposure', async () => {
    const result = await run(yaml`
      openapi: 3.0.3
      info: { title: Shop, version: '1' }
      servers: [{ url: 'https://api.shop.io' }]
      paths:
        /payments:
          post:
            requestBody:
              content:
                application/json:
                  schema: { properties: { card_number: { type: string }, cvv: { type: string } } }
            responses: { '201': { description: ok } }
    `);
    assert.deepEqual(result.errors, []);
    const report = result.score!;
    assert.equal(report.documents.length, 1);
    assert.equal(report.tier, 1, report.tierReasons.join('; '));
    assert.deepEqual(Object.keys(report.categories).filter((id) => id.startsWith('API')), ['API1:2023', 'API2:2023', 'API3:2023', 'API4:2023', 'API5:2023', 'API6:2023', 'API7:2023', 'API8:2023', 'API9:2023', 'API10:2023']);
    for (const category of Object.values(report.categories)) assert.ok(category.score >= 0 && category.score <= 100);
    assert.ok(report.categories.security!.score < 100);
    assert.ok(report.categories['API2:2023']!.costs.some((cost) => cost.ruleId === 'owasp-api2-write-restricted'));
    assert.equal(report.documents[0]!.exposure.unauthenticatedWrites, 1);
    assert.deepEqual(report.documents[0]!.exposure.sensitiveFields, ['card_number', 'cvv']);
  });

  it('a clean internal document scores higher and lands in tier 3', async () => {
    const weak = await run(yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          post: { responses: { '200': { description: ok } } }
    `);
    const strong = await run(yaml`
      openapi: 3.0.3
      info: { title: t, version: '1', description: Internal jobs., contact: { email: a@b.io } }
      servers: [{ url: 'https://jobs.internal/v1', description: Production, x-internal: true }]
      security: [{ key: [] }]
      tags: [{ name: jobs, description: Jobs. }]
      paths:
        /jobs/{jobId}:
          get:
            operationId: getJob
            summary: Get a job
            description: Reads a job.
            tags: [jobs]
            parameters:
              - { name: jobId, in: path, required: true, schema: { type: string, format: uuid } }
            responses:
              '200':
                description: ok
                content: { application/json: { schema: { type: object, additionalProperties: false }, example: {} } }
      components:
        securitySchemes:
          key: { type: apiKey, in: header, name: X-Key }
    `);
    assert.equal(strong.score!.tier, 3, strong.score!.tierReasons.join('; '));
    assert.ok(strong.score!.overall > weak.score!.overall, `${strong.score!.overall} > ${weak.score!.overall}`);
  });

  it('reports unreadable input as an error, without a score', async () => {
    const result = await score(path.join(ROOT, 'missing.yaml'), { cwd: ROOT, overlay: new Map(), overlayOnly: true });
    assert.equal(result.score, undefined);
    assert.equal(result.errors[0]!.code, 'RAMPART_FILE_NOT_FOUND');
  });
});
