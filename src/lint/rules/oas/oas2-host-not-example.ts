import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'oas2-host-not-example',
  meta: {
    description: 'Host URL must not point at example.com.',
    defaultSeverity: 'warning',
    recommended: false,
    spectralPositions: true,
    formats: ['oas2'],
    messages: { example: 'Host URL must not point at example.com.' },
    docs: {
      why: 'A placeholder host makes "try it" consoles and generated clients call a domain that is not the API.',
      fix: 'Set `host` to the real API host.',
      bad: 'host: api.example.com',
      good: 'host: api.shop.example',
    },
  },
  create() {
    return {
      Root(root, ctx) {
        if (typeof root.host === 'string' && /example\.com/.test(root.host)) ctx.report({ messageId: 'example', location: ctx.location.child('host') });
      },
    };
  },
});
