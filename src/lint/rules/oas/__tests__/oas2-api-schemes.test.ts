import rule from '../oas2-api-schemes.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'https scheme', spec: yaml`
      swagger: '2.0'
      info: { title: t, version: '1' }
      schemes: [https]
      paths: {}
    ` },
  ],
  invalid: [
    {
      name: 'empty schemes',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        schemes: []
        paths: {}
      `,
      errors: [{ messageId: 'missing', pointer: '/schemes', line: 3, column: 10 }],
    },
    { name: 'no schemes', spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths: {}\n", errors: [{ messageId: 'missing', pointer: '' }] },
  ],
});
