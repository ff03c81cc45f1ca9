import rule from '../operation-singular-tag.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'one tag', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { tags: [a], responses: {} } }\n" },
  ],
  invalid: [
    {
      name: 'two tags',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              tags: [a, b]
              responses: {}
      `,
      errors: [{ messageId: 'many', pointer: '/paths/~1a/get/tags', line: 6, column: 13 }],
    },
  ],
});
