import rule from '../oas2-parameter-description.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'described', spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { parameters: [{ name: q, in: query, type: string, description: d }], responses: {} } }\n" },
  ],
  invalid: [
    {
      name: 'shared and inline parameters without description',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        parameters:
          Limit: { name: limit, in: query, type: integer }
        paths:
          /a:
            get:
              parameters:
                - $ref: '#/parameters/Limit'
                - { name: q, in: query, type: string }
              responses: {}
      `,
      errors: [
        { messageId: 'missing', pointer: '/parameters/Limit', line: 4, column: 10 },
        { messageId: 'missing', pointer: '/paths/~1a/get/parameters/1' },
      ],
    },
  ],
});
