import rule from '../owasp-api8-write-error-schema.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'default error with schema; reads not concerned', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get: { responses: { '200': { description: ok } } }
          post:
            responses:
              default:
                description: err
                content: { application/problem+json: { schema: { type: object } } }
    ` },
    { name: 'RPC-style reads sent as POST (Plaid) change no data', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /accounts/get:
          post: { responses: { '200': { description: ok } } }
        /transfer/event/list:
          post: { responses: { '200': { description: ok } } }
    ` },
  ],
  invalid: [
    {
      name: 'error responses without body',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            delete: { responses: { '204': { description: ok }, '404': { description: none } } }
      `,
      errors: [{ messageId: 'noErrorSchema', pointer: '/paths/~1a/delete/responses', message: 'DELETE /a changes data but no error response (4xx, 5xx, default) has a body schema.' }],
    },
  ],
});
