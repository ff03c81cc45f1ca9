import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'path-keys-no-trailing-slash',
  meta: {
    description: 'Path keys must not end with a slash.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: { trailingSlash: 'Path must not end with slash.' },
    docs: {
      why: 'Servers and clients treat `/users` and `/users/` differently; a trailing slash leads to 404s or duplicate routes.',
      fix: 'Remove the trailing slash from the path key.',
      bad: 'paths:\n  /users/:\n    get: ...',
      good: 'paths:\n  /users:\n    get: ...',
    },
  },
  create() {
    return {
      PathItem(_node, ctx) {
        if (ctx.ancestors.at(-1)?.type !== 'Paths') return;
        const path = String(ctx.key);
        if (path.length > 1 && path.endsWith('/')) ctx.report({ messageId: 'trailingSlash', location: ctx.location.key() });
      },
    };
  },
});
