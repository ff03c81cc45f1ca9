import { NodeLocation } from '../../../location.js';
import type { Visitor } from '../../../rule.js';
import { isObject } from './nodes.js';

/**
 * Reports reusable objects (under `sections` of the root file) that no $ref names. As in Spectral,
 * every $ref of every file counts, also one the walk never follows (in an extension such as
 * `x-anyOf`, or inside an example): tools read those, so their targets are in use.
 */
export function unusedVisitor(sections: readonly (readonly string[])[]): Visitor<'unused'> {
  return {
    Document: {
      leave(root, ctx) {
        const referenced = ctx.document.referencedPlaces();
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
