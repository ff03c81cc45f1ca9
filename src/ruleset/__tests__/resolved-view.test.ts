import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { loadDocument } from '../../spec/document.js';
import { yaml } from '../../testing/dedent.js';
import { acyclicView, countPaths } from '../resolved-view.js';

const ROOT = path.resolve('/virtual/api');

it('counts root-to-node paths through shared nodes, up to a limit', () => {
  const leaf = { a: 1 };
  const shared = { x: leaf, y: leaf };
  assert.equal(countPaths({ p: shared, q: shared }, 100), 1 + 2 * (1 + 2 * 2));
  assert.ok(countPaths({ p: shared, q: shared }, 3) > 3);
});

it('keeps $refs that lie on a cycle, follows the others, and knows where nodes were written', async () => {
  const spec = yaml`
    openapi: 3.0.3
    info: { title: t, version: '1' }
    paths:
      /a:
        get:
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: { $ref: '#/components/schemas/A' }
    components:
      schemas:
        A:
          properties:
            b: { $ref: '#/components/schemas/B' }
            c: { $ref: 'c.yaml' }
        B:
          properties:
            a: { $ref: '#/components/schemas/A' }
            self: { $ref: '#/components/schemas/B' }
  `;
  const overlay = new Map([
    [path.join(ROOT, 'openapi.yaml'), spec],
    [path.join(ROOT, 'c.yaml'), 'type: string\n'],
  ]);
  const document = await loadDocument(path.join(ROOT, 'openapi.yaml'), { cwd: ROOT, overlay, overlayOnly: true });
  const view = acyclicView(document);
  const root = view.root as any;
  const schema = root.paths['/a'].get.responses['200'].content['application/json'].schema;
  assert.deepEqual(schema.properties.b, { $ref: '#/components/schemas/B' }, 'A → B is on the cycle A ↔ B');
  assert.deepEqual(schema.properties.c, { type: 'string' }, 'c.yaml is followed');
  assert.deepEqual(root.components.schemas.B.properties.self, { $ref: '#/components/schemas/B' });
  const origin = view.originOf(['paths', '/a', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'c', 'type']);
  assert.equal(origin.source.displayPath, 'c.yaml');
  assert.equal(origin.pointer, '/type');
  assert.equal(view.originOf(['paths', '/a', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'properties', 'b']).pointer, '/components/schemas/A/properties/b');
});
