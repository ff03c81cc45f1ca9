import rule from '../owasp-api4-rate-limit-retry-after.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'retry-after declared', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            responses:
              '429':
                description: slow down
                headers:
                  retry-after: { schema: { type: integer } }
    ` },
  ],
  invalid: [
    {
      name: '429 without headers',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '429': { description: slow down }
      `,
      errors: [{ messageId: 'noRetryAfter', pointer: '/paths/~1a/get/responses/429', line: 7, column: 16 }],
    },
  ],
});
