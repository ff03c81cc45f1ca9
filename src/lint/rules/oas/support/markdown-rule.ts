import type { Visitor, VisitContext } from '../../../rule.js';
import { ALL_NODE_TYPES } from './nodes.js';

/** Checks every `description` and `title` string of the document against a forbidden pattern. */
export function markdownVisitor(forbidden: RegExp): Visitor<'forbidden'> {
  const check = (node: Record<string, unknown>, ctx: VisitContext<'forbidden'>) => {
    if (Array.isArray(node)) return;
    const description = node.description;
    if (typeof description === 'string' && forbidden.test(description)) ctx.report({ messageId: 'forbidden', location: ctx.location.child('description') });
    const title = node.title;
    if (typeof title === 'string' && forbidden.test(title)) ctx.report({ messageId: 'forbidden', location: ctx.location.child('title') });
  };
  const visitor: Visitor<'forbidden'> = {};
  for (const type of ALL_NODE_TYPES) visitor[type] = check;
  return visitor;
}
