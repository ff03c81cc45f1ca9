import { defineRule } from '../../rule.js';
import { closestLocation, isObject } from './support/nodes.js';

export default defineRule({
  id: 'info-description',
  meta: {
    description: 'Info "description" must be present and a non-empty string.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: { missing: 'Info "description" must be present and non-empty string.' },
    docs: {
      why: 'The description is the front page of the API documentation: what the API is for and how to start.',
      fix: 'Add `info.description` explaining the purpose of the API.',
      bad: "info:\n  title: Shop\n  version: '1'",
      good: "info:\n  title: Shop\n  version: '1'\n  description: Orders and catalogue of the shop.",
    },
  },
  create() {
    return {
      Root(root, ctx) {
        const info = isObject(root.info) ? root.info : undefined;
        if (!info?.description) ctx.report({ messageId: 'missing', location: closestLocation(ctx.location, root, 'info', 'description') });
      },
    };
  },
});
