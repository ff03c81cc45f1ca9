import rule from '../info-description.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'description present', spec: yaml`
      openapi: 3.1.0
      info: { title: t, version: '1', description: The shop }
      paths: {}
    ` },
  ],
  invalid: [
    {
      name: 'empty description',
      spec: yaml`
        openapi: 3.1.0
        info:
          title: t
          version: '1'
          description: ''
        paths: {}
      `,
      errors: [{ messageId: 'missing', pointer: '/info/description', line: 5, column: 16 }],
    },
    { name: 'no description', spec: "openapi: 3.0.0\ninfo: { title: t, version: '1' }\npaths: {}\n", errors: [{ messageId: 'missing', pointer: '/info' }] },
  ],
});
