import { defineRule } from '../../rule.js';
import { WRITE_METHODS, definedSchemes, effectiveSecurity, isObject, operationSite, type Json } from './support/api.js';

export default defineRule({
  id: 'owasp-api2-write-restricted',
  meta: {
    description: 'Write operations (POST, PUT, PATCH, DELETE) must be protected by a defined security scheme, after global and local security are resolved.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API2:2023'],
    cwe: ['CWE-306'],
    messages: {
      none: '{{method}} {{path}} is a write operation with no security requirement.',
      explicitEmpty: '{{method}} {{path}} is a write operation that removes security with `security: []`.',
      optional: '{{method}} {{path}} is a write operation that allows anonymous access (an empty `{}` security requirement).',
      undefinedScheme: '{{method}} {{path}} is protected only by undefined security schemes: {{names}}.',
    },
    docs: {
      why: 'An unauthenticated write lets anyone create, change or delete data. An explicit `security: []` or an empty `{}` alternative opts the operation out of the global requirement.',
      fix: 'Declare a security scheme and require it on the operation or globally; remove `security: []` and `{}` from write operations.',
      bad: 'paths:\n  /orders:\n    post:\n      security: []',
      good: 'security:\n  - oauth: [orders:write]\npaths:\n  /orders:\n    post: { responses: { "201": { description: Created } } }',
    },
  },
  create() {
    let schemes: Map<string, Json> | undefined;
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind !== 'path' || !WRITE_METHODS.has(site.method) || !isObject(node)) return;
        schemes ??= definedSchemes(ctx.document);
        const verdict = effectiveSecurity(node, ctx.document.root.value as Json, schemes);
        const data = { method: site.method.toUpperCase(), path: site.path };
        const at = node.security !== undefined ? ctx.location.child('security') : ctx.location;
        if (verdict.kind === 'none') ctx.report({ messageId: verdict.explicit ? 'explicitEmpty' : 'none', data, location: at });
        else if (verdict.kind === 'optional') ctx.report({ messageId: 'optional', data, location: node.security !== undefined ? at.child(verdict.index) : ctx.location });
        else if (verdict.kind === 'undefined-schemes') ctx.report({ messageId: 'undefinedScheme', data: { ...data, names: verdict.names.join(', ') }, location: at });
      },
    };
  },
});
