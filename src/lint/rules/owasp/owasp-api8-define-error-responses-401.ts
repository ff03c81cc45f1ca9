import { defineRule } from '../../rule.js';
import { isObject, operationSite, responseHasBody, responsesOf } from './support/api.js';

export default defineRule({
  id: 'owasp-api8-define-error-responses-401',
  meta: {
    description: 'Operations should document a 401 response with a body schema.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API8:2023'],
    cwe: ['CWE-287'],
    messages: {
      missing: '{{method}} {{path}} does not document a 401 response.',
      noBody: 'The 401 response of {{method}} {{path}} has no body schema.',
    },
    docs: {
      why: 'A 401 describes what an unauthenticated caller gets. Defining it (with a schema) lets contract tests check that the API refuses them with the documented body instead of leaking implementation details.',
      fix: 'Add a 401 response with an error schema (for example RFC 9457 problem details).',
      bad: 'responses:\n  "200": { description: OK }',
      good: 'responses:\n  "200": { description: OK }\n  "401":\n    description: Unauthorized\n    content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }',
    },
  },
  create() {
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind === 'webhook' || site.kind === 'other' || !isObject(node)) return;
        const data = { method: site.method.toUpperCase(), path: site.path };
        const response = responsesOf(ctx.document, node, ctx.location).get('401');
        if (!response) ctx.report({ messageId: 'missing', data, location: ctx.location.child('responses') });
        else if (!responseHasBody(response.node)) ctx.report({ messageId: 'noBody', data, location: response.location });
      },
    };
  },
});
