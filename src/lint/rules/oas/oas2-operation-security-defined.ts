import { defineRule } from '../../rule.js';
import { securityDefinedVisitor } from './support/security-rule.js';

export default defineRule({
  id: 'oas2-operation-security-defined',
  meta: {
    description: 'Operation "security" values must match a scheme defined in the "securityDefinitions" object.',
    defaultSeverity: 'warning',
    recommended: true,
    spectralPositions: true,
    formats: ['oas2'],
    cwe: ['CWE-287'],
    messages: {
      undefinedScheme: '{{object}} "security" values must match a scheme defined in the "{{where}}" object.',
      undefinedScope: '"{{scope}}" must be listed among scopes.',
    },
    docs: {
      why: 'A requirement naming an undefined scheme or scope cannot be satisfied: tools drop it, and the operation may end up documented (or generated) as unauthenticated.',
      fix: 'Define the scheme under `securityDefinitions` (and the scope under its `scopes`), or fix the name.',
      bad: 'securityDefinitions:\n  apiKey: { type: apiKey, name: X-Key, in: header }\nsecurity:\n  - api_key: []',
      good: 'securityDefinitions:\n  apiKey: { type: apiKey, name: X-Key, in: header }\nsecurity:\n  - apiKey: []',
    },
  },
  create: () => securityDefinedVisitor(2),
});
