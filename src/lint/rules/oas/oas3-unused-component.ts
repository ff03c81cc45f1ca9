import { defineRule } from '../../rule.js';
import { unusedVisitor } from './support/unused-rule.js';

const SECTIONS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'links', 'callbacks'].map((name) => ['components', name]);

export default defineRule({
  id: 'oas3-unused-component',
  meta: {
    description: 'Potentially unused component has been detected.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas3.0', 'oas3.1'],
    messages: { unused: 'Potentially unused component has been detected.' },
    docs: {
      why: 'Unused components are dead weight: they bloat SDKs and documentation and drift out of date unnoticed.',
      fix: 'Remove the component, or reference it where it was meant to be used.',
      bad: "components:\n  schemas:\n    Order: { type: object }\n    OldOrder: { type: object }",
      good: "components:\n  schemas:\n    Order: { type: object }\n# ... and Order is used by a $ref",
    },
  },
  create: () => unusedVisitor(SECTIONS),
});
