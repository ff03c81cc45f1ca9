import rule from '../owasp-api3-server-fields-read-only.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'read-only server fields; id only in responses; role in a request-only schema', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /users:
          post:
            requestBody:
              content:
                application/json:
                  schema:
                    properties:
                      name: { type: string }
                      role: { type: string, readOnly: true }
            responses:
              '201':
                description: ok
                content:
                  application/json:
                    schema: { properties: { id: { type: string } } }
        /roles:
          post:
            requestBody:
              content:
                application/json:
                  schema: { properties: { role: { type: string } } }
            responses: {}
    ` },
  ],
  invalid: [
    {
      name: 'isAdmin writable in a model accepted and returned (through allOf and $ref), list items included',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /users:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      allOf:
                        - $ref: '#/components/schemas/User'
                        - properties: { owner_id: { type: string } }
              responses: {}
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/User' } }
        components:
          schemas:
            User:
              properties:
                isAdmin: { type: boolean }
                createdAt: { type: string, readOnly: true }
      `,
      errors: [{ messageId: 'writable', pointer: '/components/schemas/User/properties/isAdmin', message: 'Property "isAdmin" is set by the server, but this schema is accepted as a request body too; mark it readOnly or split request and response schemas (mass assignment).' }],
    },
  ],
});
