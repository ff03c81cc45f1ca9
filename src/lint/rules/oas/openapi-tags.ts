import { defineRule } from '../../rule.js';
import { nonEmptyArrayProblem } from './support/nodes.js';

export default defineRule({
  id: 'openapi-tags',
  meta: {
    description: 'OpenAPI object must have a non-empty "tags" array.',
    defaultSeverity: 'warning',
    recommended: false,
    spectralPositions: true,
    messages: { missing: 'OpenAPI object must have non-empty "tags" array.' },
    docs: {
      why: 'Global tags group operations in documentation and carry their descriptions; without them the reference is one flat list.',
      fix: 'Declare the tags the operations use in a top-level `tags` list.',
      bad: "openapi: 3.0.3\ninfo: { title: Shop, version: '1' }\npaths: {}",
      good: "openapi: 3.0.3\ninfo: { title: Shop, version: '1' }\ntags:\n  - name: orders\npaths: {}",
    },
  },
  create() {
    return {
      Root(root, ctx) {
        const problem = nonEmptyArrayProblem(ctx.location, root, 'tags');
        if (problem) ctx.report({ messageId: 'missing', location: problem });
      },
    };
  },
});
