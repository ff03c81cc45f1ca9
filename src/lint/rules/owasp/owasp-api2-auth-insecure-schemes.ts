import { defineRule } from '../../rule.js';
import { isObject } from './support/api.js';

const INSECURE = /^(negotiate|oauth)$/i;

export default defineRule({
  id: 'owasp-api2-auth-insecure-schemes',
  meta: {
    description: 'HTTP authentication schemes must not be outdated or insecure (Negotiate/NTLM, OAuth 1).',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API2:2023'],
    cwe: ['CWE-287'],
    formats: ['oas3.0', 'oas3.1'],
    messages: { insecure: 'Security scheme "{{name}}" uses the outdated HTTP scheme "{{scheme}}".' },
    docs: {
      why: 'Negotiate (NTLM/Kerberos over HTTP) and OAuth 1 have known weaknesses and poor library support; they are easy to get wrong.',
      fix: 'Use OAuth 2 / OpenID Connect, or bearer tokens that follow RFC 8725.',
      bad: 'components:\n  securitySchemes:\n    legacy: { type: http, scheme: negotiate }',
      good: 'components:\n  securitySchemes:\n    bearer: { type: http, scheme: bearer, bearerFormat: JWT }',
    },
  },
  create() {
    return {
      SecurityScheme(node, ctx) {
        if (!isObject(node) || node.type !== 'http' || typeof node.scheme !== 'string') return;
        if (INSECURE.test(node.scheme)) ctx.report({ messageId: 'insecure', data: { name: String(ctx.key), scheme: node.scheme }, location: ctx.location.child('scheme') });
      },
    };
  },
});
