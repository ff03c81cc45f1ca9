import { defineRule } from '../../rule.js';
import { isObject } from './support/api.js';
import { serverReporter } from './support/servers.js';

export default defineRule({
  id: 'owasp-api9-inventory-access',
  meta: {
    description: 'Every server must declare its audience with `x-internal: true` or `false`.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API9:2023'],
    cwe: ['CWE-1059'],
    formats: ['oas3.0', 'oas3.1'],
    messages: { noAudience: 'Server "{{url}}" does not declare x-internal (true or false).' },
    docs: {
      why: 'Improper inventory management: teams lose track of which hosts are public. Declaring the audience of each server keeps internal hosts out of public docs and scans.',
      fix: 'Add `x-internal: false` to public servers and `x-internal: true` to internal ones.',
      bad: 'servers:\n  - url: https://api.example.com',
      good: 'servers:\n  - url: https://api.example.com\n    x-internal: false',
    },
  },
  create() {
    const shouldReport = serverReporter();
    return {
      Server(node, ctx) {
        if (!isObject(node) || ctx.ancestors.at(-1)?.type === 'Link') return;
        if (typeof node['x-internal'] !== 'boolean' && shouldReport(node, ctx)) ctx.report({ messageId: 'noAudience', data: { url: String(node.url ?? '') } });
      },
    };
  },
});
