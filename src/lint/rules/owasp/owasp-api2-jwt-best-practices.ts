import { defineRule } from '../../rule.js';
import { isObject } from './support/api.js';

export default defineRule({
  id: 'owasp-api2-jwt-best-practices',
  meta: {
    description: 'Security schemes that use JWTs (OAuth 2, bearer JWT) must state in their description that they follow RFC 8725.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API2:2023'],
    cwe: ['CWE-287'],
    messages: {
      noDescription: 'Security scheme "{{name}}" uses JWTs but has no description; state that tokens follow RFC 8725.',
      noRfc8725: 'Security scheme "{{name}}" uses JWTs; its description must state that tokens follow RFC 8725.',
    },
    docs: {
      why: 'RFC 8725 lists the JWT pitfalls (the `none` algorithm, weak algorithms, missing audience checks). Saying the implementation follows it makes the requirement explicit to implementers and reviewers.',
      fix: 'Describe the scheme and name RFC 8725 in its description.',
      bad: 'components:\n  securitySchemes:\n    jwt: { type: http, scheme: bearer, bearerFormat: JWT }',
      good: 'components:\n  securitySchemes:\n    jwt:\n      type: http\n      scheme: bearer\n      bearerFormat: JWT\n      description: Signed JWS access tokens that follow RFC8725.',
    },
  },
  create() {
    return {
      SecurityScheme(node, ctx) {
        if (!isObject(node)) return;
        const jwt = node.type === 'oauth2' || (typeof node.bearerFormat === 'string' && node.bearerFormat.toLowerCase() === 'jwt');
        if (!jwt) return;
        const name = String(ctx.key);
        if (typeof node.description !== 'string' || node.description.trim() === '') ctx.report({ messageId: 'noDescription', data: { name } });
        else if (!/RFC\s?8725/i.test(node.description)) ctx.report({ messageId: 'noRfc8725', data: { name }, location: ctx.location.child('description') });
      },
    };
  },
});
