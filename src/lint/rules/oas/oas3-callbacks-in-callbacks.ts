import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'oas3-callbacks-in-callbacks',
  meta: {
    description: 'Callbacks should not be defined within a callback.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas3.0', 'oas3.1'],
    messages: { nested: 'Callbacks should not be defined within a callback' },
    docs: {
      why: 'A callback of a callback is a chain few tools can document or test, and usually a modelling mistake.',
      fix: 'Describe the nested callback as a callback of the top-level operation, or as a separate operation.',
      bad: "callbacks:\n  onEvent:\n    '{$request.body#/url}':\n      post:\n        callbacks:\n          onAck: {}",
      good: "callbacks:\n  onEvent:\n    '{$request.body#/url}':\n      post:\n        responses: { '200': { description: OK } }",
    },
  },
  create() {
    return {
      Operation(operation, ctx) {
        if (operation.callbacks === undefined) return;
        // Spectral looks at callbacks of operations under `paths` only.
        const callbackIndex = ctx.ancestors.findIndex((ancestor) => ancestor.type === 'Callback');
        if (callbackIndex < 0 || ctx.ancestors[1]?.type !== 'Paths') return;
        ctx.report({ messageId: 'nested', location: ctx.location.child('callbacks') });
      },
    };
  },
});
