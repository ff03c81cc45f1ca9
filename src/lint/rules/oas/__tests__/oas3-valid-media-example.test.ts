import rule from '../oas3-valid-media-example.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'valid example and examples', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Order' }
                    examples:
                      one: { value: { id: 1, note: null } }
                      remote: { externalValue: 'https://x.example/e.json' }
      components:
        schemas:
          Order:
            type: object
            required: [id, secret]
            properties:
              id: { type: integer }
              note: { type: string, nullable: true }
              secret: { type: string, writeOnly: true }
    ` },
  ],
  invalid: [
    {
      name: 'wrong type in a response example',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties: { id: { type: integer } }
                      example:
                        id: one
      `,
      errors: [{ messageId: 'invalid', pointer: '/paths/~1a/get/responses/200/content/application~1json/example/id', line: 15, column: 21, message: '"id" property type must be integer' }],
    },
    {
      name: 'parameter example out of range (3.1)',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              parameters:
                - name: limit
                  in: query
                  schema: { type: integer, exclusiveMaximum: 100 }
                  examples:
                    big: { value: 100 }
              responses: { '200': { description: ok } }
      `,
      errors: [{ messageId: 'invalid', pointer: '/paths/~1a/get/parameters/0/examples/big/value', message: '"value" property must be < 100' }],
    },
    {
      name: 'the error Ajv meets first: an unexpected key before a wrong property',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        additionalProperties: false
                        properties: { id: { type: integer } }
                      example: { id: one, extra: 1 }
      `,
      errors: [{ messageId: 'invalid', pointer: '/paths/~1a/get/responses/200/content/application~1json/example', message: 'Property "extra" is not expected to be here' }],
    },
    {
      name: 'an example that is a $ref is checked where it leads',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { type: object, properties: { id: { type: integer } } }
                      example: { $ref: 'examples.yaml#/order' }
      `,
      files: { 'examples.yaml': 'order:\n  id: one\n' },
      errors: [{ messageId: 'invalid', pointer: '/order/id', file: 'examples.yaml', message: '"id" property type must be integer' }],
    },
    {
      name: 'an example without a value or an external value',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              parameters:
                - name: q
                  in: query
                  schema: { type: string }
                  examples:
                    first try: { summary: nothing to show }
              responses: { '200': { description: ok } }
      `,
      errors: [{ messageId: 'invalid', pointer: '/paths/~1a/get/parameters/0/examples/first try', line: 11, message: '"[\'first try\'].value" property must exist' }],
    },
    {
      name: 'nullable adds null to the type, not to the enum',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { type: string, nullable: true, enum: [GET, POST] }
                      example: null
      `,
      errors: [{ messageId: 'invalid', pointer: '/paths/~1a/get/responses/200/content/application~1json/example', message: '"example" property must be equal to one of the allowed values: "GET", "POST"' }],
    },
    {
      name: 'a readOnly property behind a $ref may be left out of a request, not out of a response',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            post:
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Order' }
                    example: { note: new }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Order' }
                      example: { note: new }
        components:
          schemas:
            Id: { type: integer, readOnly: true }
            Order:
              type: object
              required: [id]
              properties:
                id: { $ref: '#/components/schemas/Id' }
                note: { type: string }
      `,
      errors: [{ messageId: 'invalid', pointer: '/paths/~1a/post/responses/200/content/application~1json/example', message: '"example" property must have required property "id"' }],
    },
  ],
});
