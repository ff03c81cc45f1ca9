import { defineRule } from '../../rule.js';
import { forEachProperty, operationsOf, requestSchemas, responseSchemas, type PropertySite } from './support/api.js';
import { isNeverReturned, isWriteOnlyCredential } from './support/names.js';

export default defineRule({
  id: 'owasp-api3-sensitive-data-exposure',
  meta: {
    description: 'Secrets and payment/identity data (password, secret, cvv, ssn, card number, pin) must not be returned in responses, and credentials in shared request schemas must be writeOnly.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API3:2023'],
    cwe: ['CWE-213'],
    messages: {
      inResponse: 'Response property "{{name}}" exposes sensitive data; remove it from responses or mark it writeOnly.',
      notWriteOnly: 'Property "{{name}}" of a shared request schema is a credential but is not writeOnly; a response reusing the schema would echo it.',
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
          const responseSeen = new Set<string>();
          const requestSeen = new Set<string>();
          const reported = new Set<string>();
          const report = (site: PropertySite, messageId: 'inResponse' | 'notWriteOnly') => {
            const key = `${site.schema.location.source.uri}#${site.schema.location.pointer}`;
            if (reported.has(key)) return;
            reported.add(key);
            ctx.report({ messageId, data: { name: site.name }, location: site.schema.location });
          };
          const operations = [...operationsOf(ctx.document)];
          for (const { operation } of operations) {
            const schemas = responseSchemas(ctx.document, operation.node, operation.location, (code) => /^[23]/.test(code) || code === 'default');
            forEachProperty(ctx.document, schemas, responseSeen, (site) => {
              if (isNeverReturned(site.name) && site.schema.node.writeOnly !== true) report(site, 'inResponse');
            });
          }
          for (const { operation, pathItem } of operations) {
            forEachProperty(ctx.document, requestSchemas(ctx.document, operation.node, operation.location, pathItem), requestSeen, (site) => {
              // An inline request schema cannot be echoed back; a shared (component) one can.
              const shared = !site.schema.location.pointer.startsWith('/paths/');
              if (shared && isWriteOnlyCredential(site.name) && site.schema.node.writeOnly !== true) report(site, 'notWriteOnly');
            });
          }
        },
      },
    };
  },
});
