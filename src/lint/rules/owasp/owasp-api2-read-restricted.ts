import { defineRule } from '../../rule.js';
import { READ_METHODS, definedSchemes, effectiveSecurity, isObject, operationSite, type Json } from './support/api.js';

export default defineRule({
  id: 'owasp-api2-read-restricted',
  meta: {
    description: 'Read operations (GET, HEAD) should be protected by a defined security scheme; optional authentication (`{}`) is accepted.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API2:2023'],
    cwe: ['CWE-306'],
    messages: {
      none: '{{method}} {{path}} is a read operation with no security requirement.',
      explicitEmpty: '{{method}} {{path}} removes security with `security: []`; make sure the data is meant to be public.',
      undefinedScheme: '{{method}} {{path}} is protected only by undefined security schemes: {{names}}.',
    },
    docs: {
      why: 'Unprotected reads expose data to anyone. Public data is fine, but it should be a decision, not an omission.',
      fix: 'Require a security scheme globally or on the operation; for deliberately public reads, document it (and suppress the finding with a justification).',
      bad: 'paths:\n  /users:\n    get: { responses: { "200": { description: OK } } }',
      good: 'security:\n  - bearer: []\npaths:\n  /users:\n    get: { responses: { "200": { description: OK } } }',
    },
  },
  create() {
    let schemes: Map<string, Json> | undefined;
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind !== 'path' || !READ_METHODS.has(site.method) || !isObject(node)) return;
        schemes ??= definedSchemes(ctx.document);
        const verdict = effectiveSecurity(node, ctx.document.root.value as Json, schemes);
        const data = { method: site.method.toUpperCase(), path: site.path };
        const at = node.security !== undefined ? ctx.location.child('security') : ctx.location;
        if (verdict.kind === 'none') ctx.report({ messageId: verdict.explicit ? 'explicitEmpty' : 'none', data, location: at });
        else if (verdict.kind === 'undefined-schemes') ctx.report({ messageId: 'undefinedScheme', data: { ...data, names: verdict.names.join(', ') }, location: at });
      },
    };
  },
});
