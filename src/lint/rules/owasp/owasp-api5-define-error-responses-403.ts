import { defineRule } from '../../rule.js';
import { definedSchemes, effectiveSecurity, isObject, operationSite, responsesOf, type Json } from './support/api.js';

export default defineRule({
  id: 'owasp-api5-define-error-responses-403',
  meta: {
    description: 'Secured operations should document a 403 (Forbidden) response.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API5:2023', 'API1:2023'],
    cwe: ['CWE-285'],
    messages: { missing: '{{method}} {{path}} is secured but does not document a 403 (Forbidden) response.' },
    docs: {
      why: 'A secured operation must refuse authenticated callers who lack the right to act; documenting 403 shows that authorization, not only authentication, is checked, and lets tests assert it.',
      fix: 'Add a 403 response (with an error schema) to every secured operation.',
      bad: 'security: [{ bearer: [] }]\nresponses:\n  "200": { description: OK }\n  "401": { description: Unauthorized }',
      good: 'security: [{ bearer: [] }]\nresponses:\n  "200": { description: OK }\n  "401": { description: Unauthorized }\n  "403": { description: Forbidden }',
    },
  },
  create() {
    let schemes: Map<string, Json> | undefined;
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind !== 'path' || !isObject(node)) return;
        schemes ??= definedSchemes(ctx.document);
        if (effectiveSecurity(node, ctx.document.root.value as Json, schemes).kind !== 'secured') return;
        const responses = responsesOf(ctx.document, node, ctx.location);
        if (responses.has('403') || responses.has('4XX') || responses.has('4xx')) return;
        ctx.report({ messageId: 'missing', data: { method: site.method.toUpperCase(), path: site.path }, location: ctx.location.child('responses') });
      },
    };
  },
});
