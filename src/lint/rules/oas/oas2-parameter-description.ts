import { defineRule } from '../../rule.js';
import { closestLocation } from './support/nodes.js';

export default defineRule({
  id: 'oas2-parameter-description',
  meta: {
    description: 'Parameter objects must have a "description".',
    defaultSeverity: 'warning',
    recommended: false,
    spectralPositions: true,
    formats: ['oas2'],
    messages: { missing: 'Parameter objects must have "description".' },
    docs: {
      why: 'The name alone rarely says what a parameter does, which values it takes or what happens when it is left out.',
      fix: 'Add a `description` to the parameter.',
      bad: 'parameters:\n  - { name: limit, in: query, type: integer }',
      good: 'parameters:\n  - { name: limit, in: query, type: integer, description: Maximum number of orders to return. }',
    },
  },
  create() {
    return {
      Parameter(parameter, ctx) {
        if (parameter.in !== undefined && parameter.in !== null && !parameter.description) ctx.report({ messageId: 'missing', location: closestLocation(ctx.location, parameter, 'description') });
      },
    };
  },
});
