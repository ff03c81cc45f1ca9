import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadDocument } from '../../spec/document.js';
import type { NodeType } from '../node-types.js';
import type { VisitFunction } from '../rule.js';
import { walkDocument, type WalkHandlers } from '../walk.js';
import { WalkContext } from '../walk-context.js';

/** Walks `files` (the first is the root) and lists each visit as "Type pointer [ancestor types]". */
async function visits(files: Record<string, string>, types: NodeType[]): Promise<string[]> {
  const overlay = new Map(Object.entries(files).map(([name, text]) => [`/virtual/${name}`, text]));
  const document = await loadDocument(`/virtual/${Object.keys(files)[0]}`, { cwd: '/virtual', overlay, overlayOnly: true });
  const seen: string[] = [];
  const handlers: WalkHandlers = { enter: new Map(), leave: new Map() };
  for (const type of types) {
    const record: VisitFunction = (_node, ctx) => {
      const file = ctx.location.source.displayPath;
      seen.push(`${type} ${file}#${ctx.location.pointer} [${ctx.ancestors.map((ancestor) => ancestor.type).join(' ')}]`);
    };
    handlers.enter.set(type, [record]);
  }
  walkDocument(document, handlers, (location, key, ancestors) => new WalkContext(document, location, key, ancestors, { raw: [], currentRule: () => undefined }));
  return seen;
}

const shared = `openapi: 3.0.0
info: { title: t, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
components:
  schemas:
    Pet:
      type: object
      properties:
        next: { $ref: '#/components/schemas/Pet' }
        tag: { $ref: '#/components/schemas/Alias' }
    Alias: { $ref: '#/components/schemas/Tag' }
    Tag: { type: string }
`;

describe('the shared walk', () => {
  test('a schema reached through $refs and from components is visited once; a recursive one ends; a ref chain leads to its target', async () => {
    assert.deepEqual(await visits({ 'api.yaml': shared }, ['Schema']), [
      'Schema api.yaml#/components/schemas/Pet [Root Paths PathItem Operation Responses Response MediaType]',
      'Schema api.yaml#/components/schemas/Tag [Root Paths PathItem Operation Responses Response MediaType Schema]',
    ]);
  });

  test('a node shared by YAML aliases is visited once', async () => {
    const text = `openapi: 3.0.0
info: { title: t, version: '1' }
paths: {}
components:
  schemas:
    A: &shared
      type: object
      properties: { id: { type: integer } }
    B:
      type: object
      properties:
        a: *shared
`;
    assert.deepEqual(await visits({ 'api.yaml': text }, ['Schema']), [
      'Schema api.yaml#/components/schemas/A [Root Components]',
      'Schema api.yaml#/components/schemas/A/properties/id [Root Components Schema]',
      'Schema api.yaml#/components/schemas/B [Root Components]',
    ]);
  });

  test('a $ref into another file is followed there, once', async () => {
    const root = `openapi: 3.0.0
info: { title: t, version: '1' }
paths:
  /a:
    get:
      parameters:
        - $ref: 'common.yaml#/Limit'
        - $ref: 'common.yaml#/Limit'
      responses: { '200': { description: ok } }
`;
    const common = 'Limit: { name: limit, in: query, schema: { type: integer } }\n';
    assert.deepEqual(await visits({ 'api.yaml': root, 'common.yaml': common }, ['Parameter', 'Schema']), [
      'Parameter common.yaml#/Limit [Root Paths PathItem Operation]',
      'Schema common.yaml#/Limit/schema [Root Paths PathItem Operation Parameter]',
    ]);
  });
});
