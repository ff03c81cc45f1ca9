import rule from '../oas2-schema.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'minimal 2.0', spec: yaml`
      swagger: '2.0'
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            parameters: [{ name: q, in: query, type: string }]
            responses: { '200': { description: ok, schema: { $ref: '#/definitions/A' } } }
      definitions:
        A: { type: object }
    ` },
    { name: 'oneOf and anyOf are left to oas2-oneOf and oas2-anyOf', spec: yaml`
      swagger: '2.0'
      info: { title: t, version: '1' }
      paths: {}
      definitions:
        A: { oneOf: [{ type: string }, { type: integer }] }
        B: { anyOf: [{ type: string }] }
    ` },
  ],
  invalid: [
    {
      name: 'missing description and type',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              parameters:
                - { name: q, in: query }
              responses:
                '200': { schema: { type: object } }
      `,
      errors: [
        { messageId: 'invalid', pointer: '/paths/~1a/get/parameters/0', line: 7, column: 11, message: '"type" property is required.' },
        { messageId: 'invalid', pointer: '/paths/~1a/get/responses/200', message: '"description" property is required.' },
      ],
    },
    {
      name: 'oauth2 flow told apart from the other flows',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths: {}
        securityDefinitions:
          o: { type: oauth2, flow: implicit }
      `,
      errors: [{ messageId: 'invalid', pointer: '/securityDefinitions/o', message: '"authorizationUrl" property is required.' }],
    },
  ],
});
