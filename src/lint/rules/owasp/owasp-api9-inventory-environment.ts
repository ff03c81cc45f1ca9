import { defineRule } from '../../rule.js';
import { isObject } from './support/api.js';
import { serverReporter } from './support/servers.js';

const ENVIRONMENT = /(local|sandbox|alpha|beta|test|testing|stag|staging|prod|production|next|preprod|preproduction|dev|development|live|demo|mock)/i;

export default defineRule({
  id: 'owasp-api9-inventory-environment',
  meta: {
    description: 'Every server description must name its environment (production, staging, sandbox, local…).',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API9:2023'],
    cwe: ['CWE-1059'],
    formats: ['oas3.0', 'oas3.1'],
    messages: { noEnvironment: 'Server "{{url}}" does not name its environment in its description.' },
    docs: {
      why: 'Forgotten staging and test hosts often run old code with weaker security and real data; naming the environment keeps the inventory honest.',
      fix: 'Describe each server with its environment, e.g. `description: Production`.',
      bad: 'servers:\n  - url: https://api.example.com',
      good: 'servers:\n  - url: https://api.example.com\n    description: Production',
    },
  },
  create() {
    const shouldReport = serverReporter();
    return {
      Server(node, ctx) {
        if (!isObject(node) || ctx.ancestors.at(-1)?.type === 'Link') return;
        if ((typeof node.description !== 'string' || !ENVIRONMENT.test(node.description)) && shouldReport(node, ctx)) ctx.report({ messageId: 'noEnvironment', data: { url: String(node.url ?? '') } });
      },
    };
  },
});
