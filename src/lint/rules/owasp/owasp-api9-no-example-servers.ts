import { defineRule } from '../../rule.js';
import { isObject } from './support/api.js';

const EXAMPLE_HOST = /^[a-z][a-z0-9+.-]*:\/\/([^/@]*@)?([^/:]+\.)?example\.(com|org|net)(?=[:/]|$)/i;

export default defineRule({
  id: 'owasp-api9-no-example-servers',
  meta: {
    description: 'Servers must be real hosts, not example.com placeholders.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API9:2023'],
    cwe: ['CWE-1059'],
    messages: { example: 'Server "{{url}}" is a placeholder host; list the real servers so the inventory is accurate.' },
    docs: {
      why: 'A placeholder host means the real hosts are undocumented: nobody can tell which environments exist or scan them.',
      fix: 'Replace placeholder servers with the real ones (and describe their environment).',
      bad: 'servers:\n  - url: https://api.example.com',
      good: 'servers:\n  - url: https://api.bookstore.io\n    description: Production',
    },
  },
  create() {
    return {
      Root(node, ctx) {
        if (ctx.format !== 'oas2' || !isObject(node) || typeof node.host !== 'string') return;
        if (EXAMPLE_HOST.test(`https://${node.host}`)) ctx.report({ messageId: 'example', data: { url: node.host }, location: ctx.location.child('host') });
      },
      Server(node, ctx) {
        if (!isObject(node) || typeof node.url !== 'string') return;
        if (EXAMPLE_HOST.test(node.url)) ctx.report({ messageId: 'example', data: { url: node.url }, location: ctx.location.child('url') });
      },
    };
  },
});
