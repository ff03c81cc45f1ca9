import rule from '../owasp-api4-rate-limit-responses-429.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: '429 with body (3.x and 2.0 forms)', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            responses:
              '429':
                description: slow down
                content: { application/json: { schema: { type: object } } }
    ` },
  ],
  invalid: [
    {
      name: 'missing and bodiless 429',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '200': { description: ok }
            post:
              responses:
                '429': { description: slow down }
      `,
      errors: [
        { messageId: 'missing', pointer: '/paths/~1a/get/responses', message: 'GET /a does not document a 429 (Too Many Requests) response.' },
        { messageId: 'noBody', pointer: '/paths/~1a/post/responses/429' },
      ],
    },
  ],
});
