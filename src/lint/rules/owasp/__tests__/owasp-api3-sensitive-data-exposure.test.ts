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
    {
      name: 'a credential in a request-only component schema is never echoed (Plaid sends `secret` in every request body)',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /accounts/get:
            post:
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/AccountsGetRequest' }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/AccountsGetResponse' }
        components:
          schemas:
            AccountsGetRequest: { properties: { client_id: { type: string }, secret: { type: string } } }
            AccountsGetResponse: { properties: { accounts: { type: array, items: { type: string } } } }
      `,
    },
  ],
  invalid: [
    {
      name: 'cvv returned nested; password of a schema shared by a request and an error response, without writeOnly',
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
              responses:
                '400':
                  description: the rejected input, echoed
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Login' }
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
        { messageId: 'notWriteOnly', pointer: '/components/schemas/Login/properties/password', message: 'Property "password" is a credential in a schema that requests and responses share, but it is not writeOnly; responses can echo it.' },
      ],
    },
    {
      name: 'one finding per sensitive schema, not per property that refers to it (the first met by the walk)',
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
                        properties:
                          primary: { properties: { cvv: { $ref: '#/components/schemas/Cvv' } } }
                          backup: { properties: { cvv: { $ref: '#/components/schemas/Cvv' } } }
        components:
          schemas:
            Cvv: { type: string }
      `,
      errors: [{ messageId: 'inResponse', pointer: '/paths/~1cards/get/responses/200/content/application~1json/schema/properties/backup/properties/cvv' }],
    },
  ],
});
