import rule from '../path-not-include-query.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'plain path', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /orders: {}\n" },
  ],
  invalid: [
    {
      name: 'query in path',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /orders?status=open: {}
      `,
      errors: [{ messageId: 'query', pointer: '/paths/~1orders?status=open', line: 4, column: 3 }],
    },
  ],
});
