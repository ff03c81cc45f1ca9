import rule from '../duplicated-entry-in-enum.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'distinct values', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    S: { type: string, enum: [a, b] }\n" },
  ],
  invalid: [
    {
      name: 'repeated value in a schema',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          schemas:
            S:
              type: string
              enum: [a, b, a]
      `,
      errors: [{ messageId: 'duplicate', pointer: '/components/schemas/S/enum', line: 8, column: 13, message: '"enum" property must not have duplicate items (items ## 0 and 2 are identical)' }],
    },
    {
      name: 'repeated value in a Swagger parameter and a server variable',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              parameters: [{ name: s, in: query, type: integer, enum: [1, 1] }]
              responses: {}
      `,
      errors: [{ messageId: 'duplicate', pointer: '/paths/~1a/get/parameters/0/enum' }],
    },
    {
      name: 'repeated server variable value',
      spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\nservers:\n  - url: 'https://{r}.x.example'\n    variables: { r: { default: eu, enum: [eu, eu] } }\npaths: {}\n",
      errors: [{ messageId: 'duplicate', pointer: '/servers/0/variables/r/enum' }],
    },
  ],
});
