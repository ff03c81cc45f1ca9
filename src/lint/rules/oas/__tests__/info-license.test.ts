import rule from '../info-license.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'license present', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1', license: { name: MIT } }
      paths: {}
    ` },
  ],
  invalid: [
    {
      name: 'no license',
      spec: yaml`
        openapi: 3.0.3
        info:
          title: t
          version: '1'
        paths: {}
      `,
      errors: [{ messageId: 'missing', pointer: '/info', line: 2, column: 1 }],
    },
  ],
});
