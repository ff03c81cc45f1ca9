import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { yaml } from '../../testing/dedent.js';
import { builtinSelection } from '../rulesets.js';
import { lint } from '../lint.js';

/**
 * `rampart lint "api/**\/*.yaml"` on a description split over files: the files the root `$ref`s are
 * linted as part of it (their findings point into them), not as API descriptions of their own.
 * A file nothing `$ref`s that is no API description is still an error.
 */
const root = mkdtempSync(path.join(tmpdir(), 'rampart-fragments-'));
after(() => rmSync(root, { recursive: true, force: true }));

mkdirSync(path.join(root, 'api', 'schemas'), { recursive: true });
writeFileSync(
  path.join(root, 'api', 'openapi.yaml'),
  yaml`
    openapi: 3.0.3
    info: { title: T, version: '1' }
    paths:
      /a/:
        get:
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: { $ref: 'schemas/item.yaml' }
  `,
);
writeFileSync(path.join(root, 'api', 'schemas', 'item.yaml'), 'type: object\nproperties:\n  name: { type: string }\n');
writeFileSync(path.join(root, 'api', 'schemas', 'stray.yaml'), 'type: string\n');
writeFileSync(path.join(root, 'other.yaml'), 'type: object\n');

const cases: { name: string; inputs: string[]; documents: string[]; errors: string[] }[] = [
  { name: 'a glob over the split description', inputs: ['api/openapi.yaml', 'api/schemas/item.yaml'], documents: ['api/openapi.yaml'], errors: [] },
  { name: 'the fragment named before its root', inputs: ['api/schemas/item.yaml', 'api/openapi.yaml'], documents: ['api/openapi.yaml'], errors: [] },
  { name: 'a glob matching a fragment nothing refers to', inputs: ['api/**/*.yaml'], documents: ['api/openapi.yaml'], errors: ['api/schemas/stray.yaml:1:1: not an API description: no "openapi" or "swagger" field at the top level [RAMPART_NOT_AN_API]'] },
  { name: 'a fragment alone', inputs: ['api/schemas/item.yaml'], documents: [], errors: ['api/schemas/item.yaml:1:1: not an API description: no "openapi" or "swagger" field at the top level [RAMPART_NOT_AN_API]'] },
  { name: 'a non-API file beside a description that does not refer to it', inputs: ['api/openapi.yaml', 'other.yaml'], documents: ['api/openapi.yaml'], errors: ['other.yaml:1:1: not an API description: no "openapi" or "swagger" field at the top level [RAMPART_NOT_AN_API]'] },
];

for (const { name, inputs, documents, errors } of cases) {
  test(`lint inputs: ${name}`, async () => {
    const result = await lint(inputs, { cwd: root, selection: builtinSelection('recommended') });
    assert.deepEqual(result.documents.map((document) => document.file), documents);
    assert.deepEqual(result.errors.map((error) => error.toOneLine()), errors);
  });
}

test('findings inside a fragment are reported once, at the fragment', async () => {
  const result = await lint(['api/openapi.yaml', 'api/schemas/item.yaml'], { cwd: root, selection: builtinSelection('owasp') });
  const inFragment = result.findings.filter((finding) => 'file' in finding.location && finding.location.file === 'api/schemas/item.yaml');
  assert.deepEqual(
    inFragment.map((finding) => [finding.ruleId, 'pointer' in finding.location ? finding.location.pointer : '']),
    [['owasp-api4-string-limit', '/properties/name'], ['owasp-api4-string-restricted', '/properties/name']],
  );
});

test('a fragment two linted descriptions both $ref has its findings reported once', async () => {
  const twin = path.join(root, 'api', 'twin.yaml');
  writeFileSync(twin, yaml`
    openapi: 3.0.3
    info: { title: Twin, version: '1' }
    paths:
      /b:
        get:
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: { $ref: 'schemas/item.yaml' }
  `);
  try {
    const result = await lint(['api/openapi.yaml', 'api/twin.yaml'], { cwd: root, selection: builtinSelection('owasp') });
    assert.deepEqual(result.documents.map((document) => document.file), ['api/openapi.yaml', 'api/twin.yaml']);
    const inFragment = result.findings.filter((finding) => 'file' in finding.location && finding.location.file === 'api/schemas/item.yaml');
    assert.deepEqual(
      inFragment.map((finding) => finding.ruleId),
      ['owasp-api4-string-limit', 'owasp-api4-string-restricted'],
    );
  } finally {
    rmSync(twin);
  }
});
