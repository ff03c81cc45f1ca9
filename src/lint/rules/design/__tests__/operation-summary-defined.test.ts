import rule from '../operation-summary-defined.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'summary present', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get: { summary: Read a, responses: {} }
    ` },
  ],
  invalid: [
    {
      name: 'missing and blank summaries',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get: { responses: {} }
            put: { summary: ' ', responses: {} }
      `,
      errors: [
        { messageId: 'missing', pointer: '/paths/~1a/get', line: 5, column: 5, message: 'GET /a has no summary.' },
        { messageId: 'missing', pointer: '/paths/~1a/put' },
      ],
    },
  ],
});
