import { defineRule } from '../../rule.js';
import { isWebhookOperation } from './support/nodes.js';

export default defineRule({
  id: 'oas3_1-callbacks-in-webhook',
  meta: {
    description: 'Callbacks should not be defined in a webhook.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas3.1'],
    messages: { callbacks: 'Callbacks should not be defined in a webhook.' },
    docs: {
      why: 'A webhook is itself a call-out to the consumer; a callback on it is a chain few tools can document or test.',
      fix: 'Remove `callbacks` from the webhook operation; describe follow-up calls as webhooks of their own.',
      bad: "webhooks:\n  orderCreated:\n    post:\n      callbacks:\n        onAck: {}",
      good: "webhooks:\n  orderCreated:\n    post:\n      responses: { '200': { description: OK } }",
    },
  },
  create() {
    return {
      Operation(operation, ctx) {
        if (operation.callbacks !== undefined && isWebhookOperation(ctx)) ctx.report({ messageId: 'callbacks', location: ctx.location.child('callbacks') });
      },
    };
  },
});
