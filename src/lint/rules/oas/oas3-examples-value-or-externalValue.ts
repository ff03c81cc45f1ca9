import { defineRule } from '../../rule.js';
import type { VisitContext } from '../../rule.js';

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
        if (Array.isArray(example) || !isLookedAt(ctx)) return;
        const hasValue = 'value' in example && example.value !== undefined;
        const hasExternal = 'externalValue' in example && example.externalValue !== undefined;
        if (hasValue && hasExternal) ctx.report({ messageId: 'both' });
        else if (!hasValue && !hasExternal) ctx.report({ messageId: 'neither' });
      },
    };
  },
});

/** Where Spectral's paths reach examples: below `paths`, and in `components` examples, parameters and headers. */
const COMPONENT_EXAMPLE = /^\/components\/(?:examples\/[^/]+|(?:parameters|headers)\/[^/]+\/examples\/[^/]+)$/;

/**
 * The examples Spectral looks at: below `paths` (callbacks included) and under `components`
 * examples, parameters and headers, not those of webhooks. A shared example is visited once, from
 * wherever the walk meets it first, so where it is written counts too.
 */
function isLookedAt(ctx: VisitContext): boolean {
  if (ctx.ancestors.some((ancestor) => ancestor.type === 'Paths')) return true;
  return ctx.location.source === ctx.document.root && COMPONENT_EXAMPLE.test(ctx.location.pointer);
}
