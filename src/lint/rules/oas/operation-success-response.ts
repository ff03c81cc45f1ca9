import { defineRule } from '../../rule.js';
import { isObject, isPathsOperation } from './support/nodes.js';

export default defineRule({
  id: 'operation-success-response',
  meta: {
    description: 'Operation must have at least one "2xx" or "3xx" response.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: { missing: 'Operation must have at least one "2xx" or "3xx" response.' },
    docs: {
      why: 'Clients and generated SDKs type the result of a call from its success response; with only errors documented they cannot.',
      fix: 'Document the success response (2xx, or 3xx for redirects).',
      bad: "get:\n  responses:\n    '404': { description: Not found }",
      good: "get:\n  responses:\n    '200': { description: The order }\n    '404': { description: Not found }",
    },
  },
  create() {
    return {
      Operation(operation, ctx) {
        if (!isPathsOperation(ctx) || !isObject(operation.responses)) return;
        const oas3 = ctx.format !== 'oas2';
        const ok = Object.keys(operation.responses).some(
          (code) => (oas3 && (code === '2XX' || code === '3XX')) || (Number(code) >= 200 && Number(code) < 400),
        );
        if (!ok) ctx.report({ messageId: 'missing', location: ctx.location.child('responses') });
      },
    };
  },
});
