import { defineRule } from '../../rule.js';
import { ExampleValidator } from './support/example-schema.js';
import { isObject, locationAt } from './support/nodes.js';

export default defineRule({
  id: 'oas2-valid-media-example',
  meta: {
    description: 'Response examples must be valid against the response schema.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    formats: ['oas2'],
    messages: { invalid: '{{message}}' },
    docs: {
      why: 'Examples are what readers copy and what mock servers return; an example its own schema rejects teaches clients the wrong payload.',
      fix: 'Correct the example (or the schema, if the example is right).',
      bad: "'200':\n  description: OK\n  schema: { type: object, properties: { id: { type: integer } } }\n  examples:\n    application/json: { id: 'one' }",
      good: "'200':\n  description: OK\n  schema: { type: object, properties: { id: { type: integer } } }\n  examples:\n    application/json: { id: 1 }",
    },
  },
  create() {
    let validator: ExampleValidator | undefined;
    return {
      Response(response, ctx) {
        if (!isObject(response) || !response.schema || !isObject(response.examples)) return;
        const schema = ctx.resolve<unknown>(response.schema, ctx.location.child('schema'));
        if (!isObject(schema.node)) return;
        validator ??= new ExampleValidator(ctx.document, ctx.format);
        for (const [mediaType, example] of Object.entries(response.examples)) {
          // A $ref in place of the example is followed, as Spectral's resolver follows every $ref.
          const at = ctx.location.child('examples', mediaType);
          const resolved = ctx.resolve<unknown>(example, at);
          for (const problem of validator.validate(schema.node, (schema.location ?? ctx.location).source, resolved.node, 'response', mediaType)) {
            ctx.report({ messageId: 'invalid', data: { message: problem.message }, location: locationAt(resolved.location ?? at, problem.pointer) });
          }
        }
      },
    };
  },
});
