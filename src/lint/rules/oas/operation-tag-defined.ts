import { defineRule } from '../../rule.js';
import { isObject, isPathsOperation } from './support/nodes.js';

export default defineRule({
  id: 'operation-tag-defined',
  meta: {
    description: 'Operation tags must be defined in global tags.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    messages: { undefinedTag: 'Operation tags must be defined in global tags.' },
    docs: {
      why: 'Tags used but not declared have no description and no order, and a typo silently creates a new group.',
      fix: 'Declare the tag in the top-level `tags` list, or fix its spelling.',
      bad: 'tags:\n  - name: orders\npaths:\n  /orders:\n    get:\n      tags: [order]',
      good: 'tags:\n  - name: orders\npaths:\n  /orders:\n    get:\n      tags: [orders]',
    },
  },
  create() {
    let defined = new Set<unknown>();
    return {
      Document: {
        enter(root) {
          const tags = isObject(root) && Array.isArray(root.tags) ? root.tags : [];
          defined = new Set(tags.filter((tag: unknown) => isObject(tag) && typeof tag.name === 'string').map((tag: any) => tag.name));
        },
      },
      Operation(operation, ctx) {
        if (!isPathsOperation(ctx) || !Array.isArray(operation.tags)) return;
        operation.tags.forEach((tag: unknown, i: number) => {
          if (!defined.has(tag)) ctx.report({ messageId: 'undefinedTag', location: ctx.location.child('tags', i) });
        });
      },
    };
  },
});
