import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'oas2-host-trailing-slash',
  meta: {
    description: 'Server URL must not have a trailing slash.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas2'],
    messages: { trailingSlash: 'Server URL must not have trailing slash.' },
    docs: {
      why: 'Paths start with a slash; a host ending in one produces `//` in every request URL.',
      fix: 'Remove the trailing slash from `host`.',
      bad: 'host: api.shop.example/',
      good: 'host: api.shop.example',
    },
  },
  create() {
    return {
      Root(root, ctx) {
        if (typeof root.host === 'string' && root.host.endsWith('/')) ctx.report({ messageId: 'trailingSlash', location: ctx.location.child('host') });
      },
    };
  },
});
