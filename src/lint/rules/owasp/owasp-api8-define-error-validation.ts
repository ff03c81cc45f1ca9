import { defineRule } from '../../rule.js';
import { isObject, operationSite, responsesOf } from './support/api.js';

export default defineRule({
  id: 'owasp-api8-define-error-validation',
  meta: {
    description: 'Operations should document a validation error response: 400, 422 or 4XX.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API8:2023'],
    cwe: ['CWE-20'],
    messages: { missing: '{{method}} {{path}} documents no validation error response (400, 422 or 4XX).' },
    docs: {
      why: 'Invalid input should be rejected with a defined error, not handled by a framework default that may leak stack traces.',
      fix: 'Add a 400 (or 422, or 4XX) response with an error schema.',
      bad: 'responses:\n  "200": { description: OK }',
      good: 'responses:\n  "200": { description: OK }\n  "400":\n    description: Invalid request\n    content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }',
    },
  },
  create() {
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind === 'webhook' || site.kind === 'other' || !isObject(node)) return;
        const responses = responsesOf(ctx.document, node, ctx.location);
        if (['400', '422', '4XX', '4xx'].some((code) => responses.has(code))) return;
        ctx.report({ messageId: 'missing', data: { method: site.method.toUpperCase(), path: site.path }, location: ctx.location.child('responses') });
      },
    };
  },
});
