import { defineRule } from '../../rule.js';
import { isObject } from './support/api.js';
import { isCredentialName } from './support/names.js';

export default defineRule({
  id: 'owasp-api2-no-credentials-in-url',
  meta: {
    description: 'Path and query parameters must not carry credentials (tokens, passwords, secrets, API keys).',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API2:2023'],
    cwe: ['CWE-598'],
    messages: { credential: 'Parameter "{{name}}" in the {{where}} looks like a credential; URLs are logged and cached. Send it in a header or the body.' },
    docs: {
      why: 'Credentials in URLs leak through server and proxy logs, browser history and Referer headers. Pagination cursors named `page_token` or `next_token` are not credentials and are not reported.',
      fix: 'Pass credentials in the Authorization header (or another header), never in the path or query string.',
      bad: 'parameters:\n  - { name: access_token, in: query, schema: { type: string } }',
      good: 'parameters:\n  - { name: Authorization, in: header, schema: { type: string } }',
    },
  },
  create() {
    return {
      Parameter(node, ctx) {
        if (!isObject(node) || typeof node.name !== 'string') return;
        if (node.in !== 'query' && node.in !== 'path') return;
        if (isCredentialName(node.name)) ctx.report({ messageId: 'credential', data: { name: node.name, where: node.in }, location: ctx.location.child('name') });
      },
    };
  },
});
