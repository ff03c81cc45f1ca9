import { defineRule } from '../../rule.js';
import { isObject } from '../owasp/support/api.js';

export default defineRule({
  id: 'no-unused-tags',
  meta: {
    description: 'Every tag declared at the top level is used by at least one operation.',
    defaultSeverity: 'info',
    recommended: true,
    messages: { unused: 'Tag "{{name}}" is declared but no operation uses it.' },
    docs: {
      why: 'Documentation tools render declared tags as sections; unused ones show up empty and usually mean an operation lost its tag or an area was removed.',
      fix: 'Tag the operations that belong to it, or remove the tag.',
      bad: 'tags:\n  - { name: users }\n  - { name: legacy }\npaths:\n  /users:\n    get: { tags: [users] }',
      good: 'tags:\n  - { name: users }\npaths:\n  /users:\n    get: { tags: [users] }',
    },
  },
  create() {
    const used = new Set<string>();
    return {
      Operation(node) {
        if (isObject(node) && Array.isArray(node.tags)) for (const tag of node.tags) used.add(String(tag));
      },
      Document: {
        leave(root, ctx) {
          if (!isObject(root) || !Array.isArray(root.tags)) return;
          root.tags.forEach((tag, index) => {
            if (isObject(tag) && typeof tag.name === 'string' && !used.has(tag.name)) ctx.report({ messageId: 'unused', data: { name: tag.name }, location: ctx.location.child('tags', index) });
          });
        },
      },
    };
  },
});
