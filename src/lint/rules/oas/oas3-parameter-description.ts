import { defineRule } from '../../rule.js';
import type { VisitContext } from '../../rule.js';
import { closestLocation } from './support/nodes.js';

export default defineRule({
  id: 'oas3-parameter-description',
  meta: {
    description: 'Parameter objects must have a "description".',
    defaultSeverity: 'warning',
    recommended: false,
    spectralPositions: true,
    formats: ['oas3.0', 'oas3.1'],
    messages: { missing: 'Parameter objects must have "description".' },
    docs: {
      why: 'The name alone rarely says what a parameter does, which values it takes or what happens when it is left out.',
      fix: 'Add a `description` to the parameter.',
      bad: 'parameters:\n  - { name: limit, in: query, schema: { type: integer } }',
      good: 'parameters:\n  - { name: limit, in: query, schema: { type: integer }, description: Maximum number of orders to return. }',
    },
  },
  create() {
    return {
      Parameter(parameter, ctx) {
        if (!isLookedAt(ctx)) return;
        if (parameter.in !== undefined && parameter.in !== null && !parameter.description) ctx.report({ messageId: 'missing', location: closestLocation(ctx.location, parameter, 'description') });
      },
    };
  },
});

/**
 * The parameters Spectral looks at: of path items and their operations under `paths`, and under
 * `components.parameters` (not those of callbacks or webhooks). A shared parameter is visited
 * once, from wherever the walk meets it first, so where it is written counts too.
 */
function isLookedAt(ctx: VisitContext): boolean {
  const [operationOrItem, itemOrPaths, paths] = [ctx.ancestors.at(-1)?.type, ctx.ancestors.at(-2)?.type, ctx.ancestors.at(-3)?.type];
  if (operationOrItem === 'PathItem' && itemOrPaths === 'Paths') return true;
  if (operationOrItem === 'Operation' && itemOrPaths === 'PathItem' && paths === 'Paths') return true;
  if (operationOrItem === 'Components') return true;
  return ctx.location.source === ctx.document.root && /^\/components\/parameters\/[^/]+$/.test(ctx.location.pointer);
}
