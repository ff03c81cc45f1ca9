import { defineRule } from '../../rule.js';
import type { PropertySite } from './support/api.js';
import { propertyIndex, usedInResponses } from './support/schema-index.js';
import { isNeverReturned, isWriteOnlyCredential } from './support/names.js';

export default defineRule({
  id: 'owasp-api3-sensitive-data-exposure',
  meta: {
    description: 'Secrets and payment/identity data (password, secret, cvv, ssn, card number, pin) must not be returned in responses, and credentials in schemas shared by requests and responses must be writeOnly.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API3:2023'],
    cwe: ['CWE-213'],
    messages: {
      inResponse: 'Response property "{{name}}" exposes sensitive data; remove it from responses or mark it writeOnly.',
      notWriteOnly: 'Property "{{name}}" is a credential in a schema that requests and responses share, but it is not writeOnly; responses can echo it.',
    },
    docs: {
      why: 'Broken object property level authorization: responses that carry passwords, card numbers or social security numbers leak them to every client and every log that records responses.',
      fix: 'Remove such properties from response schemas; mark credentials `writeOnly: true`; return masked values (last four digits) under another name.',
      bad: 'User:\n  properties:\n    email: { type: string }\n    password: { type: string }',
      good: 'User:\n  properties:\n    email: { type: string }\n    password: { type: string, writeOnly: true }',
    },
  },
  create() {
    return {
      Document: {
        leave(_root, ctx) {
          const reported = new Set<object>();
          const report = (site: PropertySite, messageId: 'inResponse' | 'notWriteOnly') => {
            if (reported.has(site.schema.node)) return;
            reported.add(site.schema.node);
            ctx.report({ messageId, data: { name: site.name }, location: site.schema.location });
          };
          for (const site of propertyIndex(ctx.document, 'success-response').sites) {
            if (isNeverReturned(site.name) && site.schema.node.writeOnly !== true) report(site, 'inResponse');
          }
          for (const site of propertyIndex(ctx.document, 'request').sites) {
            // A request-only schema (Plaid's `secret` in every *Request body) is never echoed: only a
            // schema that responses use too (of any status) can leak the credential back.
            if (isWriteOnlyCredential(site.name) && site.schema.node.writeOnly !== true && usedInResponses(ctx.document, site.parent.node)) report(site, 'notWriteOnly');
          }
        },
      },
    };
  },
});
