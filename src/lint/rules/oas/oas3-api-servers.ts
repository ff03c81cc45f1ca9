import { defineRule } from '../../rule.js';
import { isObject, nonEmptyArrayProblem } from './support/nodes.js';

export default defineRule({
  id: 'oas3-api-servers',
  meta: {
    description: 'OpenAPI "servers" must be present and a non-empty array of objects.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas3.0', 'oas3.1'],
    messages: { missing: 'OpenAPI "servers" must be present and non-empty array.' },
    docs: {
      why: 'Without servers, clients, consoles and generated SDKs do not know where the API runs.',
      fix: 'Add `servers` with at least one URL.',
      bad: "openapi: 3.0.3\ninfo: { title: Shop, version: '1' }\npaths: {}",
      good: "openapi: 3.0.3\ninfo: { title: Shop, version: '1' }\nservers:\n  - url: 'https://api.shop.example'\npaths: {}",
    },
  },
  create() {
    return {
      Root(root, ctx) {
        const problem = nonEmptyArrayProblem(ctx.location, root, 'servers', isObject);
        if (problem) ctx.report({ messageId: 'missing', location: problem });
      },
    };
  },
});
