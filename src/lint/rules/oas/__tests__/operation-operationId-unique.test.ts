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
          message: 'operationId "list" is already used by another operation.',
          related: ['/paths/~1a/get/operationId'],
        },
      ],
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
