import type { Visitor } from '../../../rule.js';
import { isObject, operationSite, responsesOf, responseHasBody } from './api.js';

/** Visitor for "every operation documents <status> with a body" rules (messages `missing` and `noBody`). */
export function documentedResponseVisitor(status: string): Visitor<'missing' | 'noBody'> {
  return {
    Operation(node, ctx) {
      const site = operationSite(ctx);
      if (site.kind === 'webhook' || site.kind === 'other' || !isObject(node)) return;
      const data = { method: site.method.toUpperCase(), path: site.path };
      const response = responsesOf(ctx.document, node, ctx.location).get(status);
      if (!response) ctx.report({ messageId: 'missing', data, location: ctx.location.child('responses') });
      else if (!responseHasBody(response.node)) ctx.report({ messageId: 'noBody', data, location: response.location });
    },
  };
}
