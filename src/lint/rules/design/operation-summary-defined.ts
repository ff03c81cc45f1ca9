import { defineRule } from '../../rule.js';
import { isObject, operationSite } from '../owasp/support/api.js';

export default defineRule({
  id: 'operation-summary-defined',
  meta: {
    description: 'Every operation has a non-empty summary.',
    defaultSeverity: 'info',
    recommended: true,
    messages: { missing: '{{method}} {{path}} has no summary.' },
    docs: {
      why: 'Documentation, SDKs and API explorers list operations by their summary; without one they show only the method and path.',
      fix: 'Add a short `summary` (a few words, imperative: "List users").',
      bad: 'get:\n  operationId: listUsers',
      good: 'get:\n  operationId: listUsers\n  summary: List users',
    },
  },
  create() {
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind !== 'path' || !isObject(node)) return;
        if (typeof node.summary !== 'string' || node.summary.trim() === '') ctx.report({ messageId: 'missing', data: { method: site.method.toUpperCase(), path: site.path }, location: ctx.location.key() });
      },
    };
  },
});
