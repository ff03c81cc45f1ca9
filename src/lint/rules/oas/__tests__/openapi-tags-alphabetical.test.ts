import rule from '../openapi-tags-alphabetical.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'sorted', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\ntags: [{ name: a }, { name: b }]\npaths: {}\n" },
    { name: 'numeric names in order', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\ntags: [{ name: 2 }, { name: 10 }]\npaths: {}\n" },
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
      errors: [{ messageId: 'unsorted', pointer: '/tags', line: 3, column: 1, message: 'OpenAPI object must have alphabetical "tags".' }],
    },
    { name: 'a tag without a name', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\ntags: [{ name: a }, { description: b }]\npaths: {}\n", errors: [{ messageId: 'unsorted', pointer: '/tags' }] },
  ],
});
