import { defineRule } from '../../rule.js';
import { isObject } from './support/api.js';

export default defineRule({
  id: 'owasp-api2-no-http-basic',
  meta: {
    description: 'Security schemes must not use HTTP Basic authentication.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API2:2023'],
    cwe: ['CWE-522'],
    messages: { basic: 'Security scheme "{{name}}" uses HTTP Basic; use OAuth 2, OpenID Connect or signed tokens instead.' },
    docs: {
      why: 'Basic authentication sends a reusable password with every request, only base64-encoded; one leaked request leaks the credential.',
      fix: 'Use OAuth 2 / OpenID Connect access tokens, or another scheme with short-lived credentials.',
      bad: 'components:\n  securitySchemes:\n    basicAuth: { type: http, scheme: basic }',
      good: 'components:\n  securitySchemes:\n    oauth:\n      type: oauth2\n      flows: { clientCredentials: { tokenUrl: https://auth.example.com/token, refreshUrl: https://auth.example.com/refresh, scopes: {} } }',
    },
  },
  create() {
    return {
      SecurityScheme(node, ctx) {
        if (!isObject(node)) return;
        const name = String(ctx.key);
        if (node.type === 'http' && typeof node.scheme === 'string' && /basic/i.test(node.scheme)) ctx.report({ messageId: 'basic', data: { name }, location: ctx.location.child('scheme') });
        else if (ctx.format === 'oas2' && node.type === 'basic') ctx.report({ messageId: 'basic', data: { name }, location: ctx.location.child('type') });
      },
    };
  },
});
