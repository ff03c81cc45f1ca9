import { defineRule } from '../../rule.js';
import { isWebhookOperation } from './support/nodes.js';

export default defineRule({
  id: 'oas3_1-servers-in-webhook',
  meta: {
    description: 'Servers should not be defined in a webhook.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas3.1'],
    messages: { servers: 'Servers should not be defined in a webhook.' },
    docs: {
      why: 'A webhook is a request the API sends to the consumer\'s URL; a server list there has no meaning and misleads readers.',
      fix: 'Remove `servers` from the webhook operation.',
      bad: "webhooks:\n  orderCreated:\n    post:\n      servers:\n        - url: 'https://hooks.shop.example'",
      good: "webhooks:\n  orderCreated:\n    post:\n      responses: { '200': { description: OK } }",
    },
  },
  create() {
    return {
      Operation(operation, ctx) {
        if (operation.servers !== undefined && isWebhookOperation(ctx)) ctx.report({ messageId: 'servers', location: ctx.location.child('servers') });
      },
    };
  },
});
