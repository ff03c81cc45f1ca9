import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadDocument } from '../../../spec/document.js';
import { yaml } from '../../../testing/dedent.js';
import unreferencedReusableObject from '../unreferencedReusableObject.js';
import { callFunction, runFunctionTests } from '../../__tests__/function-tester.js';

const ROOT = path.resolve('/virtual/api');

async function orphans(spec: string, location: string, files: Record<string, string> = {}) {
  const overlay = new Map([[path.join(ROOT, 'openapi.yaml'), spec], ...Object.entries(files).map(([name, text]) => [path.join(ROOT, name), text] as [string, string])]);
  const document = await loadDocument(path.join(ROOT, 'openapi.yaml'), { cwd: ROOT, overlay, overlayOnly: true });
  const segments = location.slice(2).split('/');
  let input: unknown = document.root.value;
  for (const segment of segments) input = (input as Record<string, unknown>)[segment];
  return callFunction(unreferencedReusableObject, { name: location, input, options: { reusableObjectsLocation: location }, path: segments }, { rampart: { document } });
}

describe('core function unreferencedReusableObject (with a document)', () => {
  it('reports schemas no $ref points at, at the schema', async () => {
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
                    schema: { $ref: '#/components/schemas/Used' }
      components:
        schemas:
          Used: { type: object, properties: { b: { $ref: '#/components/schemas/UsedByUnused' } } }
          Orphan: { type: string }
          UsedByUnused: { type: string }
    `;
    assert.deepEqual(await orphans(spec, '#/components/schemas'), [
      { message: 'Potential orphaned reusable object has been detected', path: ['components', 'schemas', 'Orphan'] },
    ]);
  });

  it('counts $refs written in other files of the document', async () => {
    const spec = yaml`
      swagger: '2.0'
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            responses:
              '200': { description: ok, schema: { $ref: 'schemas.yaml' } }
      definitions:
        Pet: { type: object }
        Lost: { type: object }
    `;
    const files = { 'schemas.yaml': "type: array\nitems:\n  $ref: 'openapi.yaml#/definitions/Pet'\n" };
    assert.deepEqual(await orphans(spec, '#/definitions', files), [
      { message: 'Potential orphaned reusable object has been detected', path: ['definitions', 'Lost'] },
    ]);
  });
});

runFunctionTests(unreferencedReusableObject, {
  valid: [{ name: 'non-objects are not checked', input: 'x', options: { reusableObjectsLocation: '#/components/schemas' } }],
  invalid: [],
  options: [
    {
      name: 'location required',
      options: {},
      errors: ['"unreferencedReusableObject" function is missing "reusableObjectsLocation" option. Example valid options: { "reusableObjectsLocation": "#/components/schemas" }, { "reusableObjectsLocation": "#/$defs" }'],
    },
    {
      name: 'location is a pointer fragment',
      options: { reusableObjectsLocation: 'components/schemas' },
      errors: ['"unreferencedReusableObject" and its "reusableObjectsLocation" option support only valid JSON Pointer fragments, i.e. "#", "#/foo", "#/paths/~1user"'],
    },
  ],
});
