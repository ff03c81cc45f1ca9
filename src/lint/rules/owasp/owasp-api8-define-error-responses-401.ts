import { defineRule } from '../../rule.js';
import { documentedResponseVisitor } from './support/documented-response.js';

export default defineRule({
  id: 'owasp-api8-define-error-responses-401',
  meta: {
    description: 'Operations should document a 401 response with a body schema.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API8:2023'],
    cwe: ['CWE-287'],
    messages: {
      missing: '{{method}} {{path}} does not document a 401 response.',
      noBody: 'The 401 response of {{method}} {{path}} has no body schema.',
    },
    docs: {
      why: 'A 401 describes what an unauthenticated caller gets. Defining it (with a schema) lets contract tests check that the API refuses them with the documented body instead of leaking implementation details.',
      fix: 'Add a 401 response with an error schema (for example RFC 9457 problem details).',
      bad: 'responses:\n  "200": { description: OK }',
      good: 'responses:\n  "200": { description: OK }\n  "401":\n    description: Unauthorized\n    content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }',
    },
  },
  create() {
    return documentedResponseVisitor('401');
  },
});
