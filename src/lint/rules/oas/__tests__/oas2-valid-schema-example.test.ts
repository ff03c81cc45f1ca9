import rule from '../oas2-valid-schema-example.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'valid defaults', spec: yaml`
      swagger: '2.0'
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            parameters: [{ name: limit, in: query, type: integer, maximum: 100, default: 50, required: false }]
            responses: {}
      definitions:
        N: { type: string, x-nullable: true, example: null }
    ` },
  ],
  invalid: [
    {
      name: 'parameter default above the maximum',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              parameters:
                - { name: limit, in: query, type: integer, maximum: 100, default: 500 }
              responses: {}
      `,
      errors: [{ messageId: 'invalid', pointer: '/paths/~1a/get/parameters/0/default', line: 7, column: 75, message: '"default" property must be <= 100' }],
    },
    {
      name: 'x-example of the wrong type in a definition',
      spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths: {}\ndefinitions:\n  Id: { type: integer, x-example: abc }\n",
      errors: [{ messageId: 'invalid', pointer: '/definitions/Id/x-example', message: '"x-example" property type must be integer' }],
    },
  ],
});
