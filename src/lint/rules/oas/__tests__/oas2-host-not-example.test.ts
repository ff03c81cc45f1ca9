import rule from '../oas2-host-not-example.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'real host', spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\nhost: api.shop.example\npaths: {}\n" },
  ],
  invalid: [
    {
      name: 'example.com host',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        host: api.example.com
        paths: {}
      `,
      errors: [{ messageId: 'example', pointer: '/host', line: 3, column: 7 }],
    },
  ],
});
