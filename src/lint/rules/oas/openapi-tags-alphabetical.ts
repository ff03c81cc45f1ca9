import { defineRule } from '../../rule.js';
import { isObject } from './support/nodes.js';

export default defineRule({
  id: 'openapi-tags-alphabetical',
  meta: {
    description: 'OpenAPI object must have alphabetical "tags".',
    defaultSeverity: 'warning',
    recommended: false,
    spectralPositions: true,
    messages: { unsorted: 'Tags must be in alphabetical order of "name": "{{first}}" must be placed after "{{second}}".' },
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
        if (!Array.isArray(root.tags)) return;
        const names = root.tags.map((tag: unknown) => (isObject(tag) ? tag.name : undefined));
        for (let i = 1; i < names.length; i++) {
          const previous = names[i - 1];
          const current = names[i];
          if (typeof previous === 'string' && typeof current === 'string' && previous.localeCompare(current) > 0) {
            ctx.report({ messageId: 'unsorted', data: { first: previous, second: current }, location: ctx.location.child('tags') });
            return;
          }
        }
      },
    };
  },
});
