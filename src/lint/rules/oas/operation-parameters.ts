import { defineRule } from '../../rule.js';
import { isObject, isPathsOperation, resolvedItems } from './support/nodes.js';

export default defineRule({
  id: 'operation-parameters',
  meta: {
    description: 'Operation parameters are unique and non-repeating.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: {
      duplicate: 'A parameter in this operation already exposes the same combination of "name" and "in" values.',
      bodyAndForm: 'Operation must not have both "in:body" and "in:formData" parameters.',
      manyBodies: 'Operation must not have more than a single instance of the "in:body" parameter.',
    },
    docs: {
      why: 'A parameter is identified by its name and location; a second definition contradicts the first, and a request has one body only.',
      fix: 'Remove or rename the repeated parameter; use one body parameter (or form parameters, not both).',
      bad: 'get:\n  parameters:\n    - { name: limit, in: query, type: integer }\n    - { name: limit, in: query, type: string }',
      good: 'get:\n  parameters:\n    - { name: limit, in: query, type: integer }',
    },
  },
  create() {
    return {
      Operation(operation, ctx) {
        if (!isPathsOperation(ctx) || !Array.isArray(operation.parameters) || operation.parameters.length < 2) return;
        const at = ctx.location.child('parameters');
        const seen = new Set<string>();
        const bodies: number[] = [];
        let forms = 0;
        resolvedItems(ctx, operation.parameters, at).forEach(({ node, written }, i) => {
          if (!isObject(node)) return;
          const fingerprint = `${String(node.in)}-${String(node.name)}`;
          if (seen.has(fingerprint)) ctx.report({ messageId: 'duplicate', location: written });
          seen.add(fingerprint);
          if (node.in === 'body') bodies.push(i);
          if (node.in === 'formData') forms++;
        });
        if (bodies.length > 0 && forms > 0) ctx.report({ messageId: 'bodyAndForm', location: at });
        for (const index of bodies.slice(1)) ctx.report({ messageId: 'manyBodies', location: at.child(index) });
      },
    };
  },
});
