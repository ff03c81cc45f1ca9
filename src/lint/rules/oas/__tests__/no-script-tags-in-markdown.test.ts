import rule from '../no-script-tags-in-markdown.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'plain text', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1', description: 'Scripts are listed below' }\npaths: {}\n" },
  ],
  invalid: [
    {
      name: 'script tag in an operation description',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              description: 'Hi <script>alert(1)</script>'
              responses: {}
      `,
      errors: [{ messageId: 'forbidden', pointer: '/paths/~1a/get/description', line: 6, column: 20 }],
    },
  ],
});
