import { defineRule } from '../../rule.js';
import type { VisitContext } from '../../rule.js';

export default defineRule({
  id: 'duplicated-entry-in-enum',
  meta: {
    description: 'Enum values must not have duplicate entries.',
    defaultSeverity: 'warning',
    recommended: true,
    messages: { duplicate: '"enum" property must not have duplicate items (items ## {{first}} and {{second}} are identical).' },
    docs: {
      why: 'A repeated enum value is a copy-paste slip; code generators emit clashing constants for it.',
      fix: 'Remove the repeated value.',
      bad: 'status:\n  type: string\n  enum: [open, paid, open]',
      good: 'status:\n  type: string\n  enum: [open, paid]',
    },
  },
  create() {
    const check = (node: { enum?: unknown }, ctx: VisitContext<'duplicate'>) => {
      if (!Array.isArray(node.enum)) return;
      const seen = new Map<string, number>();
      for (let i = 0; i < node.enum.length; i++) {
        const key = JSON.stringify(node.enum[i]);
        const first = seen.get(key);
        if (first !== undefined) {
          ctx.report({ messageId: 'duplicate', data: { first, second: i }, location: ctx.location.child('enum') });
          return;
        }
        seen.set(key, i);
      }
    };
    return { Schema: check, Parameter: check, Header: check, ServerVariable: check };
  },
});
