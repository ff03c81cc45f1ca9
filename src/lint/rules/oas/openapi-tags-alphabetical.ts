import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'openapi-tags-alphabetical',
  meta: {
    description: 'OpenAPI object must have alphabetical "tags".',
    defaultSeverity: 'warning',
    recommended: false,
    spectralPositions: true,
    messages: { unsorted: 'OpenAPI object must have alphabetical "tags".' },
    docs: {
      why: 'Documentation lists tags in the order written; an alphabetical order makes long references easy to scan.',
      fix: 'Sort the top-level `tags` list by `name`.',
      bad: 'tags:\n  - name: orders\n  - name: customers',
      good: 'tags:\n  - name: customers\n  - name: orders',
    },
  },
  create() {
    return {
      Root(root, ctx) {
        if (isSortedByName(root.tags)) return;
        ctx.report({ messageId: 'unsorted', location: ctx.location.child('tags') });
      },
    };
  },
});

/**
 * Spectral's `alphabetical` with `keyedBy: name`: fewer than two tags pass; so do names (strings or
 * numbers) in order. Anything else fails: a tag that is not an object, a name of another type.
 */
function isSortedByName(tags: unknown): boolean {
  if (tags === null || typeof tags !== 'object') return true;
  // A mapping in place of the list is read by its keys, which are not tags.
  const items: unknown[] = Array.isArray(tags) ? tags : Object.keys(tags);
  if (items.length < 2) return true;
  if (!items.every((item) => item !== null && typeof item === 'object')) return false;
  const names = items.map((item) => (item as Record<string, unknown>).name);
  if (!names.every((name) => typeof name === 'string' || typeof name === 'number')) return false;
  for (let i = 0; i < names.length - 1; i++) if (compare(names[i]!, names[i + 1]!) >= 1) return false;
  return true;
}

/** Spectral's comparison, quirks included: numbers (and a non-numeric string before a numeric one) compare as numbers. */
function compare(a: string | number, b: string | number): number {
  if ((typeof a === 'number' || Number.isNaN(Number(a))) && (typeof b === 'number' || !Number.isNaN(Number(b)))) {
    return Math.min(1, Math.max(-1, Number(a) - Number(b)));
  }
  if (typeof a !== 'string' || typeof b !== 'string') return 0;
  return a.localeCompare(b);
}
