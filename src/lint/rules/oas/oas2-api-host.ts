import { defineRule } from '../../rule.js';
import { closestLocation } from './support/nodes.js';

export default defineRule({
  id: 'oas2-api-host',
  meta: {
    description: 'OpenAPI "host" must be present and a non-empty string.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas2'],
    messages: { missing: 'OpenAPI "host" must be present and non-empty string.' },
    docs: {
      why: 'Without `host`, clients and generated SDKs do not know where to send requests.',
      fix: 'Add `host` with the API host name (and port, if any).',
      bad: "swagger: '2.0'\ninfo: { title: Shop, version: '1' }\npaths: {}",
      good: "swagger: '2.0'\ninfo: { title: Shop, version: '1' }\nhost: api.shop.example\npaths: {}",
    },
  },
  create() {
    return {
      Root(root, ctx) {
        if (!root.host) ctx.report({ messageId: 'missing', location: closestLocation(ctx.location, root, 'host') });
      },
    };
  },
});
