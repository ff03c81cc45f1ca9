import rule from '../operation-description.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'described', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { description: Lists, responses: {} } }\n" },
    { name: 'webhook operations are not checked', spec: "openapi: 3.1.0\ninfo: { title: t, version: '1' }\nwebhooks:\n  w: { post: { responses: {} } }\n" },
  ],
  invalid: [
    {
      name: 'no description',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              summary: List
              responses: {}
      `,
      errors: [{ messageId: 'missing', pointer: '/paths/~1a/get', line: 5, column: 5 }],
    },
  ],
});
