import { defineRule } from '../../rule.js';
import { nonEmptyArrayProblem } from './support/nodes.js';

export default defineRule({
  id: 'oas2-api-schemes',
  meta: {
    description: 'OpenAPI host "schemes" must be present and a non-empty array of strings.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas2'],
    messages: { missing: 'OpenAPI host "schemes" must be present and non-empty array.' },
    docs: {
      why: 'Without `schemes`, clients guess between http and https; the wrong guess fails or leaks traffic in clear text.',
      fix: 'Add `schemes: [https]`.',
      bad: "swagger: '2.0'\nhost: api.shop.example",
      good: "swagger: '2.0'\nhost: api.shop.example\nschemes: [https]",
    },
  },
  create() {
    return {
      Root(root, ctx) {
        const problem = nonEmptyArrayProblem(ctx.location, root, 'schemes', (scheme) => typeof scheme === 'string');
        if (problem) ctx.report({ messageId: 'missing', location: problem });
      },
    };
  },
});
