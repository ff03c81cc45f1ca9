import rule from '../owasp-api4-rate-limit.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'IETF and X- headers; 5xx not concerned', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            responses:
              '200':
                description: ok
                headers:
                  ratelimit: { schema: { type: string } }
              '404':
                description: no
                headers:
                  X-RateLimit-Limit: { schema: { type: integer } }
              '500': { description: err }
    ` },
  ],
  invalid: [
    {
      name: 'missing and incomplete headers, shared response',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  headers:
                    RateLimit-Limit: { schema: { type: integer } }
                '400': { $ref: '#/components/responses/Bad' }
        components:
          responses:
            Bad: { description: bad }
      `,
      errors: [
        { messageId: 'noHeaders', pointer: '/paths/~1a/get/responses', message: 'GET /a declares no rate-limit headers (RateLimit, RateLimit-Limit + RateLimit-Reset, X-RateLimit-Limit) on response 200.' },
        { messageId: 'sharedNoHeaders', pointer: '/components/responses/Bad' },
      ],
    },
    {
      name: 'one finding per operation for its own responses, one per shared response however many operations use it',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '200': { description: ok }
                '404': { description: missing }
                '500': { description: not counted }
                default: { $ref: '#/components/responses/Bad' }
                '401': { $ref: '#/components/responses/Bad' }
            post:
              responses:
                '201': { description: ok }
                '400': { $ref: '#/components/responses/Bad' }
        components:
          responses:
            Bad: { description: bad }
      `,
      errors: [
        { messageId: 'noHeaders', pointer: '/paths/~1a/get/responses', message: 'GET /a declares no rate-limit headers (RateLimit, RateLimit-Limit + RateLimit-Reset, X-RateLimit-Limit) on responses 200, 404.' },
        { messageId: 'sharedNoHeaders', pointer: '/components/responses/Bad', message: 'Shared response declares no rate-limit headers (RateLimit, RateLimit-Limit + RateLimit-Reset, X-RateLimit-Limit); every operation that uses it inherits the gap.' },
        { messageId: 'noHeaders', pointer: '/paths/~1a/post/responses' },
      ],
    },
  ],
});
