import rule from '../operation-operationId.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'has id', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { operationId: listA, responses: {} } }\n" },
  ],
  invalid: [
    {
      name: 'no id',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses: {}
      `,
      errors: [{ messageId: 'missing', pointer: '/paths/~1a/get', line: 5, column: 5 }],
    },
  ],
});
