import { defineRule } from '../../rule.js';

export default defineRule({
  id: 'oas3-examples-value-or-externalValue',
  meta: {
    description: 'Examples must have either "value" or "externalValue", not both.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas3.0', 'oas3.1'],
    messages: {
      neither: 'Examples must have either "value" or "externalValue" field.',
      both: 'Examples must have either "value" or "externalValue" field.',
    },
    docs: {
      why: 'An example without a value shows nothing; with both, tools disagree about which one to show.',
      fix: 'Give the example exactly one of `value` (inline) or `externalValue` (URL).',
      bad: "examples:\n  paid:\n    summary: A paid order",
      good: "examples:\n  paid:\n    summary: A paid order\n    value: { id: 1, status: paid }",
    },
  },
  create() {
    return {
      Example(example, ctx) {
        if (Array.isArray(example)) return;
        const hasValue = 'value' in example && example.value !== undefined;
        const hasExternal = 'externalValue' in example && example.externalValue !== undefined;
        if (hasValue && hasExternal) ctx.report({ messageId: 'both' });
        else if (!hasValue && !hasExternal) ctx.report({ messageId: 'neither' });
      },
    };
  },
});
