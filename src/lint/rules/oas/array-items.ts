import { defineRule } from '../../rule.js';
import type { VisitContext } from '../../rule.js';
import { closestLocation } from './support/nodes.js';

export default defineRule({
  id: 'array-items',
  meta: {
    description: 'Schemas with "type: array" require a sibling "items" field.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    messages: { missing: 'Schemas with "type: array", require a sibling "items" field' },
    docs: {
      why: 'An array without `items` says nothing about its elements: validators accept anything and code generators fall back to untyped lists.',
      fix: 'Add `items` with the schema of the elements.',
      bad: 'tags:\n  type: array',
      good: 'tags:\n  type: array\n  items:\n    type: string',
    },
  },
  create() {
    const check = (node: { type?: unknown; items?: unknown }, ctx: VisitContext<'missing'>) => {
      const isArray = node.type === 'array' || (ctx.format === 'oas3.1' && Array.isArray(node.type) && node.type.includes('array'));
      if (isArray && !node.items) ctx.report({ messageId: 'missing', location: closestLocation(ctx.location, node, 'items') });
    };
    return { Schema: check, Parameter: check, Header: check };
  },
});
