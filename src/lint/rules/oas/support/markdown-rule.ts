import type { Visitor, VisitContext } from '../../../rule.js';
import { ALL_NODE_TYPES } from './nodes.js';

/** Checks every `description` and `title` string of the document against a forbidden pattern. */
export function markdownVisitor(forbidden: RegExp): Visitor<'forbidden'> {
  const check = (node: Record<string, unknown>, ctx: VisitContext<'forbidden'>) => {
    if (Array.isArray(node)) return;
    for (const field of ['description', 'title']) {
      const text = node[field];
      if (typeof text === 'string' && forbidden.test(text)) ctx.report({ messageId: 'forbidden', location: ctx.location.child(field) });
    }
  };
  const visitor: Visitor<'forbidden'> = {};
  for (const type of ALL_NODE_TYPES) visitor[type] = check;
  return visitor;
}
