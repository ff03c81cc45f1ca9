import rule from '../oas2-valid-media-example.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'valid response example', spec: yaml`
      swagger: '2.0'
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            responses:
              '200':
                description: ok
                schema: { $ref: '#/definitions/Order' }
                examples:
                  application/json: { id: 1 }
      definitions:
        Order: { type: object, required: [id], properties: { id: { type: integer } } }
    ` },
  ],
  invalid: [
    {
      name: 'example missing a required property',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  schema: { type: object, required: [id] }
                  examples:
                    application/json:
                      name: x
      `,
      errors: [{ messageId: 'invalid', pointer: '/paths/~1a/get/responses/200/examples/application~1json', line: 11, column: 13, message: '"application/json" property must have required property "id"' }],
    },
  ],
});
