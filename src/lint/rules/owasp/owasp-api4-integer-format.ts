import { defineRule } from '../../rule.js';
import { hasType } from './support/api.js';
import { primitiveVisitor } from './support/primitive.js';

export default defineRule({
  id: 'owasp-api4-integer-format',
  meta: {
    description: 'Integer schemas must declare their format (int32 or int64).',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API4:2023'],
    cwe: ['CWE-190'],
    messages: { noFormat: 'Integer schema has no format (int32 or int64).' },
    docs: {
      why: 'Without a format, clients and servers disagree on the range; overflows and truncation follow.',
      fix: 'Add `format: int32` or `format: int64`.',
      bad: 'type: integer\nminimum: 0\nmaximum: 100',
      good: 'type: integer\nformat: int32\nminimum: 0\nmaximum: 100',
    },
  },
  create() {
    return primitiveVisitor((node, ctx) => {
      if (hasType(node, 'integer') && node.format === undefined) ctx.report({ messageId: 'noFormat' });
    });
  },
});
