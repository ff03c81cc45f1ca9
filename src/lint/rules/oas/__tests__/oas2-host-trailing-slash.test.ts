import rule from '../oas2-host-trailing-slash.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'no trailing slash', spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\nhost: api.shop.example\npaths: {}\n" },
  ],
  invalid: [
    {
      name: 'trailing slash',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        host: api.shop.example/
        paths: {}
      `,
      errors: [{ messageId: 'trailingSlash', pointer: '/host', line: 3, column: 7 }],
    },
  ],
});
