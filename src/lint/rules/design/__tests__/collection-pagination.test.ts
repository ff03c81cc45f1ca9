import rule from '../collection-pagination.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'paginated list; single object', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /users:
          get:
            parameters:
              - { name: limit, in: query, schema: { type: integer } }
            responses:
              '200':
                description: ok
                content: { application/json: { schema: { type: array, items: { type: object } } } }
        /users/{id}:
          get:
            responses:
              '200':
                description: ok
                content: { application/json: { schema: { type: object } } }
    ` },
  ],
  invalid: [
    {
      name: 'array and envelope without pagination',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /users:
            get:
              responses:
                '200':
                  description: ok
                  content: { application/json: { schema: { type: array, items: { type: object } } } }
          /orders:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/OrderList' }
        components:
          schemas:
            OrderList:
              properties:
                data: { type: array, items: { type: object } }
      `,
      errors: [
        { messageId: 'noPagination', pointer: '/paths/~1users/get', message: 'GET /users returns a collection but takes no pagination parameter (limit, page, cursor, offset…).' },
        { messageId: 'noPagination', pointer: '/paths/~1orders/get' },
      ],
    },
  ],
});
