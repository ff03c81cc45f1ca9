import { NodeLocation } from '../../../location.js';
import type { Visitor, VisitContext } from '../../../rule.js';
import { ALL_NODE_TYPES, isRefTarget } from './nodes.js';
import { validateDocument, validateFragment } from './openapi-schema.js';
import type { SchemaProblem } from './schema-errors.js';

/**
 * The visitor behind `oas2-schema` and `oas3-schema`: the root file is validated as written (a $ref
 * object is accepted where the walker follows one), and every fragment reached through a $ref into
 * another file is validated where it is used, against the definition for its node type, so each
 * finding points into the file that holds the mistake.
 */
export function documentSchemaVisitor(): Visitor<'invalid'> {
  const report = (ctx: VisitContext<'invalid'>, base: NodeLocation, problem: SchemaProblem) => {
    const location = new NodeLocation(base.source, base.pointer + problem.pointer, problem.onKey ?? false);
    ctx.report({ messageId: 'invalid', data: { message: problem.message }, location });
  };
  const visitor: Visitor<'invalid'> = {
    Document: {
      enter(root, ctx) {
        const base = new NodeLocation(ctx.document.root, '');
        for (const problem of validateDocument(ctx.format, root)) report(ctx, base, problem);
      },
    },
  };
  for (const type of ALL_NODE_TYPES) {
    if (type === 'Root') continue;
    visitor[type] = (node, ctx) => {
      if (ctx.location.source === ctx.document.root || !isRefTarget(ctx)) return;
      for (const problem of validateFragment(ctx.format, type, node)) report(ctx, ctx.location, problem);
    };
  }
  return visitor;
}
