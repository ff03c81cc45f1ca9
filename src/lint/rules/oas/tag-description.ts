import { defineRule } from '../../rule.js';
import { closestLocation } from './support/nodes.js';

export default defineRule({
  id: 'tag-description',
  meta: {
    description: 'Tag object must have a "description".',
    defaultSeverity: 'warning',
    recommended: false,
    spectralPositions: true,
    messages: { missing: 'Tag object must have "description".' },
    docs: {
      why: 'Documentation shows the tag description as the introduction of each group of operations.',
      fix: 'Add a `description` to each top-level tag.',
      bad: 'tags:\n  - name: orders',
      good: 'tags:\n  - name: orders\n    description: Placing and tracking orders.',
    },
  },
  create() {
    return {
      Tag(tag, ctx) {
        if (ctx.ancestors.at(-1)?.type !== 'Root') return;
        if (!tag.description) ctx.report({ messageId: 'missing', location: closestLocation(ctx.location, tag, 'description') });
      },
    };
  },
});
