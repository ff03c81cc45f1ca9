import { defineRule } from '../../rule.js';
import { hasType, isObject } from './support/api.js';

export default defineRule({
  id: 'owasp-api3-constrained-additional-properties',
  meta: {
    description: 'Objects whose extra properties follow a schema (`additionalProperties`/`unevaluatedProperties`) must bound their number with maxProperties.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API3:2023'],
    cwe: ['CWE-915'],
    messages: { unbounded: 'Object schema accepts any number of extra properties ({{keyword}}); add maxProperties.' },
    docs: {
      why: 'A map-like object without `maxProperties` accepts unlimited keys: a mass-assignment surface and a resource-consumption risk.',
      fix: 'Add `maxProperties` next to the `additionalProperties` schema.',
      bad: 'type: object\nadditionalProperties: { type: string }',
      good: 'type: object\nadditionalProperties: { type: string, maxLength: 256 }\nmaxProperties: 50',
    },
  },
  create() {
    return {
      Schema(node, ctx) {
        if (!isObject(node) || !hasType(node, 'object') || node.maxProperties !== undefined) return;
        for (const keyword of ['additionalProperties', 'unevaluatedProperties'] as const) {
          if (keyword === 'unevaluatedProperties' && ctx.format !== 'oas3.1') continue;
          const value = node[keyword];
          if (isObject(value) && Object.keys(value).length > 0) {
            ctx.report({ messageId: 'unbounded', data: { keyword }, location: ctx.location.child(keyword) });
            return;
          }
        }
      },
    };
  },
});
