import { defineRule } from '../../rule.js';
import { securityDefinedVisitor } from './support/security-rule.js';

export default defineRule({
  id: 'oas3-operation-security-defined',
  meta: {
    description: 'Operation "security" values must match a scheme defined in the "components.securitySchemes" object.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas3.0', 'oas3.1'],
    cwe: ['CWE-287'],
    messages: {
      undefinedScheme: '{{object}} "security" values must match a scheme defined in the "{{where}}" object.',
      undefinedScope: '"{{scope}}" must be listed among scopes.',
    },
    docs: {
      why: 'A requirement naming an undefined scheme or scope cannot be satisfied: tools drop it, and the operation may end up documented (or generated) as unauthenticated.',
      fix: 'Define the scheme under `components.securitySchemes` (and the scope in one of its flows), or fix the name.',
      bad: 'components:\n  securitySchemes:\n    bearer: { type: http, scheme: bearer }\nsecurity:\n  - jwt: []',
      good: 'components:\n  securitySchemes:\n    bearer: { type: http, scheme: bearer }\nsecurity:\n  - bearer: []',
    },
  },
  create: () => securityDefinedVisitor(3),
});
