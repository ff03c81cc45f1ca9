import rule from '../oas3_1-servers-in-webhook.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'webhook without servers', spec: "openapi: 3.1.0\ninfo: { title: t, version: '1' }\nwebhooks:\n  created: { post: { responses: { '200': { description: ok } } } }\n" },
  ],
  invalid: [
    {
      name: 'servers on a webhook operation',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        webhooks:
          created:
            post:
              servers: [{ url: 'https://hooks.example' }]
              responses: { '200': { description: ok } }
      `,
      errors: [{ messageId: 'servers', pointer: '/webhooks/created/post/servers', line: 6, column: 16 }],
    },
  ],
});
