import rule from '../openapi-tags-uniqueness.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'distinct names', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\ntags: [{ name: a }, { name: b }]\npaths: {}\n" },
  ],
  invalid: [
    {
      name: 'repeated name',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        tags:
          - name: orders
          - name: users
          - name: orders
        paths: {}
      `,
      errors: [{ messageId: 'duplicate', pointer: '/tags/2/name', line: 6, column: 11, message: '"tags" object contains duplicate tag name "orders".' }],
    },
  ],
});
