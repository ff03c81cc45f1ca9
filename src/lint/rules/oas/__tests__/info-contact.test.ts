import rule from '../info-contact.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'contact present', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1', contact: { name: team } }
      paths: {}
    ` },
  ],
  invalid: [
    {
      name: 'no contact',
      spec: yaml`
        openapi: 3.0.3
        info:
          title: t
          version: '1'
        paths: {}
      `,
      errors: [{ messageId: 'missing', pointer: '/info', line: 2, column: 1 }],
    },
    { name: 'swagger 2.0 without contact', spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths: {}\n", errors: [{ messageId: 'missing', pointer: '/info' }] },
  ],
});
