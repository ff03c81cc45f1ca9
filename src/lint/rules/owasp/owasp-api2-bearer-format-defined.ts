import { defineRule } from '../../rule.js';
import { isObject } from './support/api.js';

export default defineRule({
  id: 'owasp-api2-bearer-format-defined',
  meta: {
    description: 'HTTP bearer schemes should declare bearerFormat (for example JWT), so token validation can be reviewed.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API2:2023'],
    cwe: ['CWE-287'],
    formats: ['oas3.0', 'oas3.1'],
    messages: { noFormat: 'Bearer scheme "{{name}}" does not declare bearerFormat; say what the token is (JWT, opaque) so its validation can be checked.' },
    docs: {
      why: 'Reviewers and scanners cannot check token validation (signature, expiry, audience) without knowing what the token is.',
      fix: 'Add `bearerFormat` (e.g. `JWT`) and describe how tokens are validated.',
      bad: 'components:\n  securitySchemes:\n    bearer: { type: http, scheme: bearer }',
      good: 'components:\n  securitySchemes:\n    bearer: { type: http, scheme: bearer, bearerFormat: JWT }',
    },
  },
  create() {
    return {
      SecurityScheme(node, ctx) {
        if (!isObject(node) || node.type !== 'http' || typeof node.scheme !== 'string' || node.scheme.toLowerCase() !== 'bearer') return;
        if (typeof node.bearerFormat !== 'string' || node.bearerFormat === '') ctx.report({ messageId: 'noFormat', data: { name: String(ctx.key) } });
      },
    };
  },
});
