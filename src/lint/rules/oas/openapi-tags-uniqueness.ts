import { defineRule } from '../../rule.js';
import { isObject } from './support/nodes.js';

export default defineRule({
  id: 'openapi-tags-uniqueness',
  meta: {
    description: 'Each tag must have a unique name.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    messages: { duplicate: '"tags" object contains duplicate tag name "{{name}}".' },
    docs: {
      why: 'Two tags with one name make documentation tools merge or drop one of them, with its description.',
      fix: 'Merge the duplicate tag entries into one.',
      bad: 'tags:\n  - name: orders\n  - name: orders\n    description: Orders',
      good: 'tags:\n  - name: orders\n    description: Orders',
    },
  },
  create() {
    return {
      Root(root, ctx) {
        if (!Array.isArray(root.tags)) return;
        const seen = new Set<unknown>();
        root.tags.forEach((tag: unknown, i: number) => {
          const name = isObject(tag) ? tag.name : undefined;
          if (seen.has(name)) ctx.report({ messageId: 'duplicate', data: { name: String(name) }, location: ctx.location.child('tags', i, 'name') });
          seen.add(name);
        });
      },
    };
  },
});
