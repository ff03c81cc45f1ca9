import { defineRule } from '../../rule.js';
import { documentedResponseVisitor } from './support/documented-response.js';

export default defineRule({
  id: 'owasp-api8-define-error-responses-500',
  meta: {
    description: 'Operations should document a 500 response with a body schema.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API8:2023'],
    cwe: ['CWE-209'],
    messages: {
      missing: '{{method}} {{path}} does not document a 500 response.',
      noBody: 'The 500 response of {{method}} {{path}} has no body schema.',
    },
    docs: {
      why: 'A 500 describes what a caller gets when the server fails. Defining its schema lets contract tests check that failures return a generic error body, not a stack trace.',
      fix: 'Add a 500 response with an error schema (for example RFC 9457 problem details).',
      bad: 'responses:\n  "200": { description: OK }',
      good: 'responses:\n  "200": { description: OK }\n  "500":\n    description: Internal error\n    content: { application/problem+json: { schema: { $ref: "#/components/schemas/Problem" } } }',
    },
  },
  create() {
    return documentedResponseVisitor('500');
  },
});
