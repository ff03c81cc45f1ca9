import { defineRule } from '../../rule.js';
import type { VisitContext } from '../../rule.js';
import type { NodeLocation } from '../../location.js';
import { printDotPath } from '../../spectral-dot-path.js';
import { ExampleValidator, type Relax } from './support/example-schema.js';
import { isObject, locationAt, type JsonObject } from './support/nodes.js';

export default defineRule({
  id: 'oas3-valid-media-example',
  meta: {
    description: 'Examples of media types, parameters and headers must be valid against their schema.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    formats: ['oas3.0', 'oas3.1'],
    messages: { invalid: '{{message}}' },
    docs: {
      why: 'Examples are what readers copy and what mock servers return; an example its own schema rejects teaches clients the wrong payload.',
      fix: 'Correct the example (or the schema, if the example is right).',
      bad: "content:\n  application/json:\n    schema:\n      type: object\n      properties: { id: { type: integer } }\n    example: { id: 'one' }",
      good: "content:\n  application/json:\n    schema:\n      type: object\n      properties: { id: { type: integer } }\n    example: { id: 1 }",
    },
  },
  create() {
    let validator: ExampleValidator | undefined;
    const check = (node: JsonObject, ctx: VisitContext<'invalid'>) => {
      if (Array.isArray(node) || !node.schema || (node.example === undefined && !node.examples)) return;
      const schema = ctx.resolve<unknown>(node.schema, ctx.location.child('schema'));
      if (!isObject(schema.node)) return;
      const schemaSource = (schema.location ?? ctx.location).source;
      validator ??= new ExampleValidator(ctx.document, ctx.format);
      const relax: Relax = ctx.ancestors.some((a) => a.type === 'RequestBody') ? 'request' : ctx.ancestors.some((a) => a.type === 'Response') ? 'response' : 'none';
      const items: { value: unknown; location: typeof ctx.location; name: string }[] = [];
      // As in Spectral: a single `example` wins; otherwise each of `examples` (not the external ones).
      // A $ref in place of a value is followed, as Spectral's resolver follows every $ref.
      const add = (value: unknown, at: NodeLocation, name: string) => {
        const resolved = ctx.resolve<unknown>(value, at);
        items.push({ value: resolved.node, location: resolved.location ?? at, name });
      };
      if ('example' in node) add(node.example, ctx.location.child('example'), 'example');
      else if (isObject(node.examples)) {
        for (const [key, entry] of Object.entries(node.examples)) {
          const resolved = ctx.resolve<unknown>(entry, ctx.location.child('examples', key));
          if (!isObject(resolved.node) || 'externalValue' in resolved.node) continue;
          const at = resolved.location ?? ctx.location.child('examples', key);
          // Spectral checks a missing value too, and finds that it "must exist".
          if (!('value' in resolved.node)) ctx.report({ messageId: 'invalid', data: { message: `"${printDotPath([key, 'value'])}" property must exist` }, location: at });
          else add(resolved.node.value, at.child('value'), 'value');
        }
      }
      for (const item of items) {
        for (const problem of validator.validate(schema.node, schemaSource, item.value, relax, item.name)) {
          ctx.report({ messageId: 'invalid', data: { message: problem.message }, location: locationAt(item.location, problem.pointer) });
        }
      }
    };
    return { MediaType: check, Parameter: check, Header: check };
  },
});
