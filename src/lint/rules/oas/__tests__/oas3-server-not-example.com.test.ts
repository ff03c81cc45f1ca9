import rule from '../oas3-server-not-example.com.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'real server', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\nservers: [{ url: 'https://api.shop.example' }]\npaths: {}\n" },
  ],
  invalid: [
    {
      name: 'example.com server',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        servers:
          - url: 'https://api.shop.example'
          - url: 'https://api.example.com/v1'
        paths: {}
      `,
      errors: [{ messageId: 'example', pointer: '/servers/1/url', line: 5, column: 10 }],
    },
  ],
});
