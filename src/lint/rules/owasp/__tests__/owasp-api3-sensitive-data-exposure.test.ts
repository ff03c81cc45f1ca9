import rule from '../owasp-api3-sensitive-data-exposure.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'writeOnly password in a shared schema', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /users:
          post:
            requestBody:
              content:
                application/json:
                  schema: { $ref: '#/components/schemas/User' }
            responses:
              '201':
                description: ok
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/User' }
      components:
        schemas:
          User:
            properties:
              email: { type: string }
              password: { type: string, writeOnly: true }
    ` },
  ],
  invalid: [
    {
      name: 'cvv returned nested, password of a shared request schema without writeOnly',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /cards:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items: { properties: { card: { properties: { cvv: { type: string } } } } }
          /login:
            post:
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Login' }
              responses: {}
          /logout:
            post:
              requestBody:
                content:
                  application/json:
                    schema: { properties: { password: { type: string } } }
              responses: {}
        components:
          schemas:
            Login: { properties: { password: { type: string } } }
      `,
      errors: [
        { messageId: 'inResponse', pointer: '/paths/~1cards/get/responses/200/content/application~1json/schema/items/properties/card/properties/cvv', message: 'Response property "cvv" exposes sensitive data; remove it from responses or mark it writeOnly.' },
        { messageId: 'notWriteOnly', pointer: '/components/schemas/Login/properties/password' },
      ],
    },
  ],
});
