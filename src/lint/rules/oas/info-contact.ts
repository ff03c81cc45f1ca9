import { defineRule } from '../../rule.js';
import { closestLocation, isObject } from './support/nodes.js';

export default defineRule({
  id: 'info-contact',
  meta: {
    description: 'Info object must have a "contact" object.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: { missing: 'Info object must have "contact" object.' },
    docs: {
      why: 'Consumers need to know whom to ask when the API misbehaves or changes.',
      fix: 'Add `info.contact` with a name, a URL and/or an email address.',
      bad: "info:\n  title: Shop\n  version: '1'",
      good: "info:\n  title: Shop\n  version: '1'\n  contact: { name: Shop team, email: api@shop.example }",
    },
  },
  create() {
    return {
      Root(root, ctx) {
        const info = isObject(root.info) ? root.info : undefined;
        if (!info?.contact) ctx.report({ messageId: 'missing', location: closestLocation(ctx.location, root, 'info', 'contact') });
      },
    };
  },
});
