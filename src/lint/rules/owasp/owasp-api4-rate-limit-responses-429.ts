import { defineRule } from '../../rule.js';
import { isObject, operationSite, responseHasBody, responsesOf } from './support/api.js';

export default defineRule({
  id: 'owasp-api4-rate-limit-responses-429',
  meta: {
    description: 'Operations should document a 429 (Too Many Requests) response with a body.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API4:2023'],
    cwe: ['CWE-770'],
    messages: {
      missing: '{{method}} {{path}} does not document a 429 (Too Many Requests) response.',
      noBody: 'The 429 response of {{method}} {{path}} has no body schema.',
    },
    docs: {
      why: 'Documenting 429 shows that the API, gateway or framework enforces a rate limit, and lets clients and contract tests handle it.',
      fix: 'Add a 429 response with an error schema (and a Retry-After header).',
      bad: 'responses:\n  "200": { description: OK }',
      good: 'responses:\n  "200": { description: OK }\n  "429":\n    description: Too many requests\n    content:\n      application/problem+json:\n        schema: { $ref: "#/components/schemas/Problem" }',
    },
  },
  create() {
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind === 'webhook' || site.kind === 'other' || !isObject(node)) return;
        const data = { method: site.method.toUpperCase(), path: site.path };
        const responses = responsesOf(ctx.document, node, ctx.location);
        const response = responses.get('429');
        if (!response) ctx.report({ messageId: 'missing', data, location: ctx.location.child('responses') });
        else if (!responseHasBody(response.node)) ctx.report({ messageId: 'noBody', data, location: response.location });
      },
    };
  },
});
