import rule from '../oas3_1-callbacks-in-webhook.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'webhook without callbacks', spec: "openapi: 3.1.0\ninfo: { title: t, version: '1' }\nwebhooks:\n  created: { post: { responses: { '200': { description: ok } } } }\n" },
  ],
  invalid: [
    {
      name: 'callbacks on a webhook operation',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        webhooks:
          created:
            post:
              callbacks: { ack: {} }
              responses: { '200': { description: ok } }
      `,
      errors: [{ messageId: 'callbacks', pointer: '/webhooks/created/post/callbacks', line: 6, column: 18 }],
    },
  ],
});
