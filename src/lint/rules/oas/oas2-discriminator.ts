import { defineRule } from '../../rule.js';
import { closestLocation, isObject } from './support/nodes.js';

const DEFINITION = /^\/definitions\/[^/]+$/;

export default defineRule({
  id: 'oas2-discriminator',
  meta: {
    description: 'The discriminator property must be defined and required.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    formats: ['oas2'],
    messages: {
      notDefined: 'The discriminator property must be defined in this schema.',
      notRequired: 'The discriminator property must be in the required property list.',
    },
    docs: {
      why: 'Clients pick the concrete type from the discriminator value; if the property is not declared and required, they cannot.',
      fix: 'Declare the discriminator property under `properties` and list it in `required`.',
      bad: 'Pet:\n  type: object\n  discriminator: kind\n  properties:\n    name: { type: string }',
      good: 'Pet:\n  type: object\n  discriminator: kind\n  required: [kind]\n  properties:\n    kind: { type: string }',
    },
  },
  create() {
    return {
      Schema(schema, ctx) {
        // Spectral checks the definitions themselves (`$.definitions[*]`). Where the schema is written
        // decides, not the path the walk came by: a definition is visited once, often from a $ref first.
        if (ctx.location.source !== ctx.document.root || !DEFINITION.test(ctx.location.pointer) || typeof schema.discriminator !== 'string') return;
        const name = schema.discriminator;
        if (!isObject(schema.properties) || !Object.keys(schema.properties).includes(name)) ctx.report({ messageId: 'notDefined', location: closestLocation(ctx.location, schema, 'properties') });
        if (!Array.isArray(schema.required) || !schema.required.includes(name)) ctx.report({ messageId: 'notRequired', location: closestLocation(ctx.location, schema, 'required') });
      },
    };
  },
});
