import rule from '../operation-operationId-unique.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'distinct ids', spec: yaml`
      openapi: 3.1.0
      info: { title: t, version: '1' }
      paths:
        /a: { get: { operationId: getA, responses: {} } }
        /b: { get: { operationId: getB, responses: {} } }
    ` },
    { name: 'a webhook may share an id with a path operation (Spectral looks under paths only)', spec: yaml`
      openapi: 3.1.0
      info: { title: t, version: '1' }
      paths:
        /a: { post: { operationId: created, responses: {} } }
      webhooks:
        created: { post: { operationId: created, responses: {} } }
    ` },
  ],
  invalid: [
    {
      name: 'same id on two paths',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              operationId: list
              responses: {}
          /b:
            get:
              operationId: list
              responses: {}
      `,
      errors: [
        {
          messageId: 'duplicate',
          pointer: '/paths/~1b/get/operationId',
          line: 10,
          column: 20,
          message: 'Every operation must have unique "operationId".',
          related: ['/paths/~1a/get/operationId'],
        },
      ],
    },
    {
      name: 'a repeated number is a duplicate too',
      spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { operationId: 7, responses: {} } }\n  /b: { get: { operationId: 7, responses: {} } }\n",
      errors: [{ messageId: 'duplicate', pointer: '/paths/~1b/get/operationId', related: ['/paths/~1a/get/operationId'] }],
    },
    {
      name: 'same id across files',
      spec: yaml`
        openapi: 3.0.0
        info: { title: t, version: '1' }
        paths:
          /a:
            $ref: 'paths/a.yaml'
          /b:
            get: { operationId: list, responses: {} }
      `,
      files: { 'paths/a.yaml': 'get:\n  operationId: list\n  responses: {}\n' },
      errors: [{ messageId: 'duplicate', pointer: '/paths/~1b/get/operationId', related: ['paths/a.yaml#/get/operationId'] }],
    },
  ],
});
