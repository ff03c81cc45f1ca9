import rule from '../owasp-api8-define-error-responses-401.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: '401 with content', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            responses:
              '401':
                description: err
                content: { application/json: { schema: { type: object } } }
    ` },
  ],
  invalid: [
    {
      name: 'missing and bodiless 401',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get: { responses: { '200': { description: ok } } }
            post: { responses: { '401': { description: err } } }
      `,
      errors: [
        { messageId: 'missing', pointer: '/paths/~1a/get/responses', message: 'GET /a does not document a 401 response.' },
        { messageId: 'noBody', pointer: '/paths/~1a/post/responses/401' },
      ],
    },
  ],
});
