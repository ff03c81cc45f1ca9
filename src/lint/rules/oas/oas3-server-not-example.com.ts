import { defineRule } from '../../rule.js';
import { isObject } from './support/nodes.js';

export default defineRule({
  id: 'oas3-server-not-example.com',
  meta: {
    description: 'Server URL must not point at example.com.',
    defaultSeverity: 'warning',
    recommended: false,
    spectralPositions: true,
    formats: ['oas3.0', 'oas3.1'],
    messages: { example: 'Server URL must not point at example.com.' },
    docs: {
      why: 'A placeholder server makes "try it" consoles and generated clients call a domain that is not the API.',
      fix: 'Set the server URL to the real API address.',
      bad: "servers:\n  - url: 'https://api.example.com'",
      good: "servers:\n  - url: 'https://api.shop.example'",
    },
  },
  create() {
    return {
      Root(root, ctx) {
        if (!Array.isArray(root.servers)) return;
        root.servers.forEach((server: unknown, i: number) => {
          if (isObject(server) && typeof server.url === 'string' && /example\.com/.test(server.url)) {
            ctx.report({ messageId: 'example', location: ctx.location.child('servers', i, 'url') });
          }
        });
      },
    };
  },
});
