import { defineRule } from '../../rule.js';
import { isObject, operationSite, responseHasBody, responsesOf } from '../owasp/support/api.js';

export default defineRule({
  id: 'error-response-schema',
  meta: {
    description: 'Operations document their errors: at least one 4xx or default response, and every 4xx/5xx/default response has a body schema.',
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      noErrorResponse: '{{method}} {{path}} documents no error response (4xx or default).',
      noSchema: '{{method}} {{path}}: error responses {{codes}} have no body schema.',
    },
    docs: {
      why: 'Clients need to know what failure looks like to handle it; an error response without a schema forces them to guess, and contract tests cannot check it.',
      fix: 'Add 4xx responses (or `default`) and give every error response a schema, ideally one shared error model (RFC 9457 problem details).',
      bad: 'responses:\n  "200": { description: OK }\n  "404": { description: Not found }',
      good: 'responses:\n  "200": { description: OK }\n  "404":\n    description: Not found\n    content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }',
    },
  },
  create() {
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind !== 'path' || !isObject(node)) return;
        const data = { method: site.method.toUpperCase(), path: site.path };
        const responses = responsesOf(ctx.document, node, ctx.location);
        const errors = [...responses].filter(([code]) => /^[45]/.test(code) || code === 'default');
        if (!errors.some(([code]) => code.startsWith('4') || code === 'default')) {
          ctx.report({ messageId: 'noErrorResponse', data, location: ctx.location.child('responses') });
        }
        // HEAD responses never carry a body.
        const bodiless = site.method === 'head' ? [] : errors.filter(([, response]) => !responseHasBody(response.node)).map(([code]) => code);
        if (bodiless.length > 0) ctx.report({ messageId: 'noSchema', data: { ...data, codes: bodiless.join(', ') }, location: ctx.location.child('responses') });
      },
    };
  },
});
