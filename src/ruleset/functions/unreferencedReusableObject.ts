import { parsePointer } from '../../spec/pointer.js';
import { defineCoreFunction, isPlainObject } from '../types.js';

const MISSING = '"unreferencedReusableObject" function is missing "reusableObjectsLocation" option. Example valid options: { "reusableObjectsLocation": "#/components/schemas" }, { "reusableObjectsLocation": "#/$defs" }';

export default defineCoreFunction({
  name: 'unreferencedReusableObject',
  options: {
    type: 'object',
    properties: {
      reusableObjectsLocation: {
        type: 'string',
        format: 'json-pointer-uri-fragment',
        errorMessage: '"unreferencedReusableObject" and its "reusableObjectsLocation" option support only valid JSON Pointer fragments, i.e. "#", "#/foo", "#/paths/~1user"',
      },
    },
    additionalProperties: false,
    required: ['reusableObjectsLocation'],
    errorMessage: {
      type: '"unreferencedReusableObject" function has invalid options specified. Example valid options: { "reusableObjectsLocation": "#/components/schemas" }, { "reusableObjectsLocation": "#/$defs" }',
      required: MISSING,
    },
  },
  accepts: isPlainObject,
  run(input, { reusableObjectsLocation }: { reusableObjectsLocation: string }, context) {
    const document = context.rampart.document;
    const targets = document.referencedPlaces();
    const base = parsePointer(reusableObjectsLocation);
    const results = [];
    for (const name of Object.keys(input as object)) {
      const pointer = [...base, name].map((segment) => '/' + segment.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
      if (!targets.has(`${document.root.uri}#${pointer}`)) {
        results.push({ message: 'Potential orphaned reusable object has been detected', path: [...base, name] });
      }
    }
    return results;
  },
});
