import { defineRule } from '../../rule.js';
import type { VisitContext } from '../../rule.js';

export default defineRule({
  id: 'duplicated-entry-in-enum',
  meta: {
    description: 'Enum values must not have duplicate entries.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: { duplicate: '"enum" property must not have duplicate items (items ## {{first}} and {{second}} are identical)' },
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
      const pair = firstDuplicate(node.enum);
      if (pair) ctx.report({ messageId: 'duplicate', data: { first: pair[0], second: pair[1] }, location: ctx.location.child('enum') });
    };
    return { Schema: check, Parameter: check, Header: check, ServerVariable: check };
  },
});

/** The first item equal (as JSON) to an earlier one, with that earlier one's index. */
function firstDuplicate(list: readonly unknown[]): [number, number] | undefined {
  // Strings, booleans, null and finite numbers are equal as JSON exactly when they are the same
  // value, so most enums need no JSON text per item; anything else is compared as JSON from the start.
  const byValue = new Map<unknown, number>();
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isJsonScalar(item)) return firstDuplicateAsJson(list);
    const first = byValue.get(item);
    if (first !== undefined) return [first, i];
    byValue.set(item, i);
  }
  return undefined;
}

function firstDuplicateAsJson(list: readonly unknown[]): [number, number] | undefined {
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const key = JSON.stringify(list[i]);
    const first = seen.get(key);
    if (first !== undefined) return [first, i];
    seen.set(key, i);
  }
  return undefined;
}

/** NaN and ±Infinity are left out: JSON writes them all as `null`. */
function isJsonScalar(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || value === null || (typeof value === 'number' && Number.isFinite(value));
}
