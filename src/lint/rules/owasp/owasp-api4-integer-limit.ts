import { defineRule } from '../../rule.js';
import { hasType } from './support/api.js';
import { primitiveVisitor } from './support/primitive.js';

export default defineRule({
  id: 'owasp-api4-integer-limit',
  meta: {
    description: 'Integer schemas must declare a minimum and a maximum (3.1: or exclusiveMinimum/exclusiveMaximum); enum and const are bounded already.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API4:2023'],
    cwe: ['CWE-770'],
    messages: { unbounded: 'Integer schema has no {{missing}}.' },
    docs: {
      why: 'Unbounded integers invite negative quantities, huge page sizes and loops run a billion times.',
      fix: 'Add `minimum` and `maximum` (in 3.1, numeric `exclusiveMinimum`/`exclusiveMaximum` also count).',
      bad: 'type: integer\nformat: int32',
      good: 'type: integer\nformat: int32\nminimum: 1\nmaximum: 100',
    },
  },
  create() {
    return primitiveVisitor((node, ctx) => {
      if (!hasType(node, 'integer') || node.enum !== undefined || node.const !== undefined) return;
      const numericExclusive = ctx.format === 'oas3.1';
      const hasMin = node.minimum !== undefined || (numericExclusive && typeof node.exclusiveMinimum === 'number');
      const hasMax = node.maximum !== undefined || (numericExclusive && typeof node.exclusiveMaximum === 'number');
      const missing = [hasMin ? '' : 'minimum', hasMax ? '' : 'maximum'].filter(Boolean);
      if (missing.length > 0) ctx.report({ messageId: 'unbounded', data: { missing: missing.join(' and ') } });
    });
  },
});
