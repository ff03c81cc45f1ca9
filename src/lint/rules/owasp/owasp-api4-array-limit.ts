import { defineRule } from '../../rule.js';
import { hasType } from './support/api.js';
import { primitiveVisitor } from './support/primitive.js';

export default defineRule({
  id: 'owasp-api4-array-limit',
  meta: {
    description: 'Array schemas must bound their size with maxItems.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API4:2023'],
    cwe: ['CWE-770'],
    messages: { noMaxItems: 'Array schema has no maxItems.' },
    docs: {
      why: 'An unbounded array lets a client send (or make the server build) arbitrarily large payloads: memory, CPU and database exhaustion.',
      fix: 'Add `maxItems` (and constrain the items too).',
      bad: 'type: array\nitems: { type: string, maxLength: 64 }',
      good: 'type: array\nmaxItems: 100\nitems: { type: string, maxLength: 64 }',
    },
  },
  create() {
    return primitiveVisitor((node, ctx) => {
      if (hasType(node, 'array') && node.maxItems === undefined) ctx.report({ messageId: 'noMaxItems' });
    });
  },
});
