import { defineRule } from '../../rule.js';
import { hasType, isObject } from './support/api.js';

export default defineRule({
  id: 'owasp-api3-no-additional-properties',
  meta: {
    description: 'Object schemas must not allow arbitrary extra properties (`additionalProperties: true`, or `unevaluatedProperties: true` in 3.1).',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API3:2023'],
    cwe: ['CWE-915'],
    messages: { open: 'Object schema allows any extra property ({{keyword}}: {{value}}); set it to false or give it a constrained schema.' },
    docs: {
      why: 'Unknown properties pass validation and may be bound to internal fields (mass assignment), or leak when echoed back.',
      fix: 'Set `additionalProperties: false` (3.1: `unevaluatedProperties: false`), or a schema with `maxProperties`.',
      bad: 'type: object\nproperties: { name: { type: string } }\nadditionalProperties: true',
      good: 'type: object\nproperties: { name: { type: string } }\nadditionalProperties: false',
    },
  },
  create() {
    return {
      Schema(node, ctx) {
        if (!isObject(node) || !hasType(node, 'object')) return;
        for (const keyword of ['additionalProperties', 'unevaluatedProperties'] as const) {
          if (keyword === 'unevaluatedProperties' && ctx.format !== 'oas3.1') continue;
          const value = node[keyword];
          const open = value === true || (isObject(value) && Object.keys(value).length === 0);
          if (open) ctx.report({ messageId: 'open', data: { keyword, value: value === true ? 'true' : '{}' }, location: ctx.location.child(keyword) });
        }
      },
    };
  },
});
