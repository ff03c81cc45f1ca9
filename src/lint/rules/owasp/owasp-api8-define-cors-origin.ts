import { defineRule } from '../../rule.js';
import { hasKeyIgnoringCase, isObject } from './support/api.js';

export default defineRule({
  id: 'owasp-api8-define-cors-origin',
  meta: {
    description: 'Responses that declare headers should declare Access-Control-Allow-Origin (the CORS policy).',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API8:2023'],
    cwe: ['CWE-942'],
    messages: { noCors: 'Response headers do not declare Access-Control-Allow-Origin.' },
    docs: {
      why: 'CORS decides which web origins may call the API from a browser. An undeclared policy is usually a default one, often too wide.',
      fix: 'Declare `Access-Control-Allow-Origin` on responses, with the allowed origin(s).',
      bad: 'headers:\n  X-Request-Id: { schema: { type: string } }',
      good: 'headers:\n  X-Request-Id: { schema: { type: string } }\n  Access-Control-Allow-Origin: { schema: { type: string } }',
    },
  },
  create() {
    return {
      Response(node, ctx) {
        if (!isObject(node) || node.headers === undefined) return;
        const headers = ctx.resolve(node.headers, ctx.location.child('headers'));
        if (!isObject(headers.node)) return;
        if (!hasKeyIgnoringCase(headers.node, 'Access-Control-Allow-Origin')) ctx.report({ messageId: 'noCors', location: headers.location ?? ctx.location.child('headers') });
      },
    };
  },
});
