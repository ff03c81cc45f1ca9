import { defineRule } from '../../rule.js';
import type { VisitContext } from '../../rule.js';
import { ExampleValidator } from './support/example-schema.js';
import { isObject, locationAt, type JsonObject } from './support/nodes.js';

export default defineRule({
  id: 'oas2-valid-schema-example',
  meta: {
    description: 'Schema, parameter and header "example", "x-example" and "default" values must be valid against their definition.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    formats: ['oas2'],
    messages: { invalid: '{{message}}' },
    docs: {
      why: 'Examples and defaults are shown to readers, returned by mock servers and filled in by clients; a value the schema rejects breaks all three.',
      fix: 'Correct the `example`, `x-example` or `default` (or the definition, if the value is right).',
      bad: "parameters:\n  - { name: limit, in: query, type: integer, maximum: 100, default: 500 }",
      good: "parameters:\n  - { name: limit, in: query, type: integer, maximum: 100, default: 50 }",
    },
  },
  create() {
    let validator: ExampleValidator | undefined;
    const check = (node: JsonObject, ctx: VisitContext<'invalid'>) => {
      if (!isObject(node) || (node.example === undefined && node['x-example'] === undefined && node.default === undefined)) return;
      if (!(node.enum || node.type || node.format || node.$ref || node.properties || node.items)) return;
      validator ??= new ExampleValidator(ctx.document, ctx.format);
      for (const field of ['example', 'x-example', 'default']) {
        if (!(field in node)) continue;
        // A $ref in place of the value is followed, as Spectral's resolver follows every $ref.
        const example = ctx.resolve<unknown>(node[field], ctx.location.child(field));
        for (const problem of validator.validate(node, ctx.location.source, example.node, 'none', field)) {
          ctx.report({ messageId: 'invalid', data: { message: problem.message }, location: locationAt(example.location ?? ctx.location.child(field), problem.pointer) });
        }
      }
    };
    return { Schema: check, Parameter: check, Header: check };
  },
});
