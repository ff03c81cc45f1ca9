import rule from '../oas3-valid-schema-example.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'valid example and default', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        schemas:
          Qty: { type: integer, minimum: 1, exclusiveMinimum: false, default: 1, example: 3 }
          Note: { type: string, nullable: true, example: null }
    ` },
  ],
  invalid: [
    {
      name: 'default below the minimum',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          schemas:
            Qty:
              type: integer
              minimum: 1
              exclusiveMinimum: true
              default: 1
      `,
      errors: [{ messageId: 'invalid', pointer: '/components/schemas/Qty/default', line: 10, column: 16, message: '"default" property must be > 1' }],
    },
    {
      name: 'example missing a required property through a $ref',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        paths: {}
        components:
          schemas:
            Order:
              type: object
              allOf: [{ $ref: '#/components/schemas/Base' }]
              example: { id: 1 }
            Base: { type: object, required: [id, status] }
      `,
      errors: [{ messageId: 'invalid', pointer: '/components/schemas/Order/example', message: '"example" property must have required property "status"' }],
    },
  ],
});
