import { defineRule } from '../../rule.js';
import { endsInReadAction } from './support/names.js';
import { WRITE_METHODS, isObject, operationSite, responseHasBody, responsesOf } from './support/api.js';

export default defineRule({
  id: 'owasp-api8-write-error-schema',
  meta: {
    description: 'Write operations must document at least one error response (4xx, 5xx or default) with a body schema.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API8:2023'],
    cwe: ['CWE-209'],
    messages: { noErrorSchema: '{{method}} {{path}} changes data but no error response (4xx, 5xx, default) has a body schema.' },
    docs: {
      why: 'Failed writes are where frameworks leak stack traces, SQL and internal names. A declared error schema is what contract tests and gateways can enforce.',
      fix: 'Add error responses with a schema (for example RFC 9457 problem details), at least `default` or `4XX`.',
      bad: 'post:\n  responses:\n    "201": { description: Created }\n    "400": { description: Bad request }',
      good: 'post:\n  responses:\n    "201": { description: Created }\n    "400":\n      description: Bad request\n      content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }',
    },
  },
  create() {
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind !== 'path' || !WRITE_METHODS.has(site.method) || !isObject(node)) return;
        // A POST to `…/list` or `…/get` (RPC style) reads; it changes no data.
        if (site.method === 'post' && endsInReadAction(site.path)) return;
        for (const [code, response] of responsesOf(ctx.document, node, ctx.location)) {
          if ((/^[45]/.test(code) || code === 'default') && responseHasBody(response.node)) return;
        }
        ctx.report({ messageId: 'noErrorSchema', data: { method: site.method.toUpperCase(), path: site.path }, location: ctx.location.child('responses') });
      },
    };
  },
});
