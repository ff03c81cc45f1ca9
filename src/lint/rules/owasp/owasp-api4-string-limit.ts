import { defineRule } from '../../rule.js';
import { hasType } from './support/api.js';
import { primitiveVisitor } from './support/primitive.js';

/** Formats whose valid values have a bounded length, so a validator already limits them. */
export const BOUNDED_FORMATS = new Set(['date', 'date-time', 'time', 'uuid', 'ipv4', 'ipv6', 'int32', 'int64']);

export default defineRule({
  id: 'owasp-api4-string-limit',
  meta: {
    description: 'String schemas must bound their length (maxLength, enum, const, or a fixed-length format such as uuid or date-time).',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API4:2023'],
    cwe: ['CWE-770'],
    messages: { noMaxLength: 'String schema has no maxLength, enum or const.' },
    docs: {
      why: 'Unbounded strings let a client send megabytes in a single field: memory, storage and regex-evaluation exhaustion.',
      fix: 'Add `maxLength`, or restrict the value with `enum`/`const` or a fixed-length `format` (uuid, date, date-time).',
      bad: 'type: string',
      good: 'type: string\nmaxLength: 255',
    },
  },
  create() {
    return primitiveVisitor((node, ctx) => {
      if (!hasType(node, 'string')) return;
      if (node.maxLength !== undefined || node.enum !== undefined || node.const !== undefined) return;
      if (typeof node.format === 'string' && BOUNDED_FORMATS.has(node.format)) return;
      ctx.report({ messageId: 'noMaxLength' });
    });
  },
});
