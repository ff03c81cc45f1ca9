import rule from '../operation-operationId-valid-in-url.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'url-safe id', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { operationId: 'orders.list:v1', responses: {} } }\n" },
  ],
  invalid: [
    {
      name: 'space in id',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              operationId: list orders
              responses: {}
      `,
      errors: [{ messageId: 'invalid', pointer: '/paths/~1a/get/operationId', line: 6, column: 20 }],
    },
  ],
});
