import { defineRule } from '../../rule.js';
import { ExampleValidator } from './support/example-schema.js';
import { isObject, locationAt } from './support/nodes.js';

export default defineRule({
  id: 'oas3-valid-schema-example',
  meta: {
    description: 'Schema "example" and "default" values must be valid against the schema.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    formats: ['oas3.0', 'oas3.1'],
    messages: { invalid: '{{message}}' },
    docs: {
      why: 'Examples and defaults are shown to readers, returned by mock servers and filled in by clients; a value the schema rejects breaks all three.',
      fix: 'Correct the `example` or `default` (or the schema, if the value is right).',
      bad: "Order:\n  type: object\n  properties:\n    quantity: { type: integer, minimum: 1, default: 0 }",
      good: "Order:\n  type: object\n  properties:\n    quantity: { type: integer, minimum: 1, default: 1 }",
    },
  },
  create() {
    let validator: ExampleValidator | undefined;
    return {
      Schema(schema, ctx) {
        if (!isObject(schema) || (schema.example === undefined && schema.default === undefined)) return;
        if (!(schema.enum || schema.type || schema.format || schema.$ref || schema.properties || schema.items)) return;
        validator ??= new ExampleValidator(ctx.document, ctx.format);
        for (const field of ['example', 'default']) {
          if (!(field in schema)) continue;
          // A $ref in place of the value is followed, as Spectral's resolver follows every $ref.
          const example = ctx.resolve<unknown>(schema[field], ctx.location.child(field));
          for (const problem of validator.validate(schema, ctx.location.source, example.node, 'none', field)) {
            ctx.report({ messageId: 'invalid', data: { message: problem.message }, location: locationAt(example.location ?? ctx.location.child(field), problem.pointer) });
          }
        }
      },
    };
  },
});
