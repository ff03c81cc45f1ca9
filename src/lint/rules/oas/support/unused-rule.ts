import { NodeLocation } from '../../../location.js';
import type { Visitor } from '../../../rule.js';
import { isObject } from './nodes.js';

/**
 * Reports reusable objects (under `sections` of the root file) that no $ref names. References are
 * collected from the shared walk (every $ref it meets, in any file), then compared once at the end.
 */
export function unusedVisitor(sections: readonly (readonly string[])[]): Visitor<'unused'> {
  const referenced = new Set<string>();
  return {
    Ref(ref: { $ref: string }, ctx) {
      const target = ctx.document.lookup(ctx.location.source, ref.$ref);
      if (target) referenced.add(`${target.source.uri}#${target.pointer}`);
    },
    Document: {
      leave(root, ctx) {
        const rootLocation = new NodeLocation(ctx.document.root, '');
        for (const section of sections) {
          let container: unknown = root;
          for (const segment of section) container = isObject(container) ? container[segment] : undefined;
          if (!isObject(container)) continue;
          for (const name of Object.keys(container)) {
            const location = rootLocation.child(...section, name);
            if (!referenced.has(`${ctx.document.root.uri}#${location.pointer}`)) ctx.report({ messageId: 'unused', location });
          }
        }
      },
    },
  };
}
