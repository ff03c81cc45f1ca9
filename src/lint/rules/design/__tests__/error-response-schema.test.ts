import rule from '../error-response-schema.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'default error with schema', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            responses:
              '200': { description: ok }
              default:
                description: err
                content: { application/json: { schema: { type: object } } }
    ` },
  ],
  invalid: [
    {
      name: 'no error response; bodiless errors',
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
                '404': { description: none }
                '500': { description: err }
                '409': { description: conflict, schema: { type: object } }
      `,
      errors: [
        { messageId: 'noErrorResponse', pointer: '/paths/~1a/get/responses', message: 'GET /a documents no error response (4xx or default).' },
        { messageId: 'noSchema', pointer: '/paths/~1a/post/responses', message: 'POST /a: error responses 404, 500 have no body schema.' },
      ],
    },
  ],
});
