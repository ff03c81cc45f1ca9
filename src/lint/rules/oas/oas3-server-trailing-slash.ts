import { defineRule } from '../../rule.js';
import { isObject } from './support/nodes.js';

export default defineRule({
  id: 'oas3-server-trailing-slash',
  meta: {
    description: 'Server URL must not have a trailing slash.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas3.0', 'oas3.1'],
    messages: { trailingSlash: 'Server URL must not have trailing slash.' },
    docs: {
      why: 'Paths start with a slash; a server URL ending in one produces `//` in every request URL.',
      fix: 'Remove the trailing slash from the server URL (a bare `/` is fine).',
      bad: "servers:\n  - url: 'https://api.shop.example/'",
      good: "servers:\n  - url: 'https://api.shop.example'",
    },
  },
  create() {
    return {
      Root(root, ctx) {
        if (!Array.isArray(root.servers)) return;
        root.servers.forEach((server: unknown, i: number) => {
          if (isObject(server) && typeof server.url === 'string' && /.\/$/.test(server.url)) {
            ctx.report({ messageId: 'trailingSlash', location: ctx.location.child('servers', i, 'url') });
          }
        });
      },
    };
  },
});
