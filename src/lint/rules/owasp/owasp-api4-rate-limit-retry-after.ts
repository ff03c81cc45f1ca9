import { defineRule } from '../../rule.js';
import { hasKeyIgnoringCase, isObject, responsesOf } from './support/api.js';

export default defineRule({
  id: 'owasp-api4-rate-limit-retry-after',
  meta: {
    description: 'A 429 response should declare a Retry-After header.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API4:2023'],
    cwe: ['CWE-770'],
    messages: { noRetryAfter: 'The 429 response declares no Retry-After header; clients cannot know when to retry.' },
    docs: {
      why: 'Without Retry-After, well-meaning clients retry at once and make the overload worse.',
      fix: 'Declare `Retry-After` on every 429 response.',
      bad: 'responses:\n  "429": { description: Too many requests }',
      good: 'responses:\n  "429":\n    description: Too many requests\n    headers:\n      Retry-After: { schema: { type: integer, format: int32, minimum: 0, maximum: 86400 } }',
    },
  },
  create() {
    return {
      Operation(node, ctx) {
        if (!isObject(node)) return;
        const response = responsesOf(ctx.document, node, ctx.location).get('429');
        if (!response) return;
        const headers = ctx.resolve(response.node.headers, response.location).node;
        if (!hasKeyIgnoringCase(headers, 'Retry-After')) ctx.report({ messageId: 'noRetryAfter', location: response.location });
      },
    };
  },
});
