import rule from '../oas3-server-trailing-slash.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'no trailing slash', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\nservers: [{ url: 'https://api.shop.example' }]\npaths: {}\n" },
    { name: 'bare slash is fine', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\nservers: [{ url: / }]\npaths: {}\n" },
  ],
  invalid: [
    {
      name: 'trailing slash',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        servers:
          - url: 'https://api.shop.example/'
        paths: {}
      `,
      errors: [{ messageId: 'trailingSlash', pointer: '/servers/0/url', line: 4, column: 10 }],
    },
  ],
});
