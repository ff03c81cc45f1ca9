import { defineRule } from '../../rule.js';
import { isObject } from './support/api.js';

export default defineRule({
  id: 'owasp-api2-no-api-keys-in-url',
  meta: {
    description: 'API keys must not be sent in the query string or the path.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API2:2023'],
    cwe: ['CWE-598'],
    messages: { inUrl: 'API key "{{name}}" is passed in the {{where}}; URLs end up in logs, browser history and proxies. Send it in a header.' },
    docs: {
      why: 'Anything in a URL is logged by servers, proxies and browsers, so a key in the query string or path leaks to everyone who can read those logs.',
      fix: 'Move the key to a header (`in: header`), or use OAuth 2 tokens.',
      bad: 'components:\n  securitySchemes:\n    key: { type: apiKey, in: query, name: api_key }',
      good: 'components:\n  securitySchemes:\n    key: { type: apiKey, in: header, name: X-API-Key }',
    },
  },
  create() {
    return {
      SecurityScheme(node, ctx) {
        if (!isObject(node) || node.type !== 'apiKey') return;
        if (node.in === 'query' || node.in === 'path') ctx.report({ messageId: 'inUrl', data: { name: String(ctx.key), where: node.in }, location: ctx.location.child('in') });
      },
    };
  },
});
