import { defineRule } from '../../rule.js';
import { isObject, operationSite, requestSchemas, pathItemOf, type Json } from './support/api.js';
import { propertyIndex } from './support/schema-index.js';
import { isOutboundUrlName } from './support/names.js';

export default defineRule({
  id: 'owasp-api10-unconstrained-outbound-url',
  meta: {
    description: 'URLs the API will call or redirect to (webhook, callback, notify, redirect URLs in request bodies) must be constrained (pattern or enum), and callbacks/webhooks must define the body they exchange.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API10:2023', 'API7:2023'],
    cwe: ['CWE-918', 'CWE-20'],
    messages: {
      unconstrainedUrl: 'Request property "{{name}}" is a URL the server will call or redirect to, with no pattern or enum; restrict schemes and hosts.',
      untypedCallback: '{{kind}} {{method}} {{path}} exchanges a body without a schema; validate what is sent and received.',
    },
    docs: {
      why: 'Unsafe consumption of APIs: a server that calls URLs supplied by clients, or exchanges unvalidated payloads with third parties, trusts data it does not control (SSRF, injection, open redirects).',
      fix: 'Constrain outbound URLs with `format: uri` plus a `pattern` (https only, allowed hosts) or an `enum`; give callback and webhook bodies a schema.',
      bad: 'properties:\n  webhook_url: { type: string }',
      good: 'properties:\n  webhook_url: { type: string, format: uri, maxLength: 2048, pattern: "^https://" }',
    },
  },
  create() {
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (!isObject(node) || (site.kind !== 'callback' && site.kind !== 'webhook')) return;
        const declaresBody = node.requestBody !== undefined;
        if (declaresBody && requestSchemas(ctx.document, node, ctx.location, pathItemOf(ctx)).length === 0) {
          ctx.report({ messageId: 'untypedCallback', data: { kind: site.kind === 'callback' ? 'Callback' : 'Webhook', method: site.method.toUpperCase(), path: site.path }, location: ctx.location.child('requestBody') });
        }
      },
      Document: {
        leave(_root, ctx) {
          // Request bodies of the operations under `paths`, descended once and shared with other rules.
          for (const property of propertyIndex(ctx.document, 'request').sites) {
            const schema = property.schema.node as Json;
            if (!isOutboundUrlName(property.name) || (schema.type !== undefined && schema.type !== 'string')) continue;
            if (schema.pattern === undefined && schema.enum === undefined && schema.const === undefined) ctx.report({ messageId: 'unconstrainedUrl', data: { name: property.name }, location: property.schema.location });
          }
        },
      },
    };
  },
});
