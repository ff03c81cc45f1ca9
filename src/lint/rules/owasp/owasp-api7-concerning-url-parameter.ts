import { defineRule } from '../../rule.js';
import { isObject, parameterSchema } from './support/api.js';

const URL_NAME = /(^(callback|redirect)|(_url|Url|-url|URL|_uri|Uri|-uri))$/;
const URL_FORMATS = new Set(['uri', 'url', 'iri', 'uri-reference', 'iri-reference']);

export default defineRule({
  id: 'owasp-api7-concerning-url-parameter',
  meta: {
    description: 'Parameters that carry URLs (named *_url, callback, redirect…, or `format: uri`) need SSRF protection.',
    defaultSeverity: 'info',
    recommended: true,
    owasp: ['API7:2023'],
    cwe: ['CWE-918'],
    messages: { urlParameter: 'Parameter "{{name}}" takes a URL; make sure the server validates it against an allow-list (SSRF).' },
    docs: {
      why: 'When the server fetches or redirects to a URL chosen by the client, the client can make it reach internal services (Server Side Request Forgery) or redirect users to phishing sites.',
      fix: 'Validate URLs against an allow-list of schemes and hosts (restrict with `pattern` or `enum`), block private address ranges, and do not follow redirects blindly.',
      bad: 'parameters:\n  - { name: callback_url, in: query, schema: { type: string } }',
      good: 'parameters:\n  - name: callback_url\n    in: query\n    schema: { type: string, format: uri, pattern: "^https://hooks\\\\.example\\\\.com/" }',
    },
  },
  create() {
    return {
      Parameter(node, ctx) {
        if (!isObject(node) || typeof node.name !== 'string' || node.in === 'body') return;
        let url = URL_NAME.test(node.name);
        if (!url) {
          const schema = parameterSchema(ctx.document, { node, location: ctx.location });
          url = schema !== undefined && typeof schema.node.format === 'string' && URL_FORMATS.has(schema.node.format);
        }
        if (url) ctx.report({ messageId: 'urlParameter', data: { name: node.name }, location: ctx.location.child('name') });
      },
    };
  },
});
