import rule from '../openapi-tags-alphabetical.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'sorted', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\ntags: [{ name: a }, { name: b }]\npaths: {}\n" },
  ],
  invalid: [
    {
      name: 'unsorted',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        tags:
          - name: orders
          - name: customers
        paths: {}
      `,
      errors: [{ messageId: 'unsorted', pointer: '/tags', line: 3, column: 1, message: 'Tags must be in alphabetical order of "name": "orders" must be placed after "customers".' }],
    },
  ],
});
