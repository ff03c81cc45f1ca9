import { defineRule } from '../../rule.js';
import { isObject } from './support/api.js';
import { isPiiName } from './support/names.js';

export default defineRule({
  id: 'owasp-api3-no-pii-in-url',
  meta: {
    description: 'Path and query parameters must not carry personal or payment data (ssn, card number, cvv, iban, date of birth, passport).',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API3:2023'],
    cwe: ['CWE-598'],
    messages: { pii: 'Parameter "{{name}}" puts sensitive personal data in the {{where}}; URLs are logged, cached and shared in Referer headers.' },
    docs: {
      why: 'URLs are written to access logs, proxies, browser history and analytics; personal and payment data there escapes every access control.',
      fix: 'Send such data in the request body (POST) or refer to it by an opaque token.',
      bad: 'parameters:\n  - { name: ssn, in: query, schema: { type: string } }',
      good: 'requestBody:\n  content:\n    application/json:\n      schema: { properties: { ssn: { type: string, writeOnly: true } } }',
    },
  },
  create() {
    return {
      Parameter(node, ctx) {
        if (!isObject(node) || typeof node.name !== 'string' || (node.in !== 'query' && node.in !== 'path')) return;
        if (isPiiName(node.name)) ctx.report({ messageId: 'pii', data: { name: node.name, where: node.in }, location: ctx.location.child('name') });
      },
    };
  },
});
