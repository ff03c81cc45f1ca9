import rule from '../owasp-api3-server-fields-read-only.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'read-only server fields; id only in responses', spec: yaml`
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
    ` },
  ],
  invalid: [
    {
      name: 'isAdmin and owner_id writable through allOf and $ref',
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
        components:
          schemas:
            User:
              properties:
                isAdmin: { type: boolean }
      `,
      errors: [
        { messageId: 'writable', pointer: '/paths/~1users/post/requestBody/content/application~1json/schema/allOf/1/properties/owner_id' },
        { messageId: 'writable', pointer: '/components/schemas/User/properties/isAdmin', message: 'Request body property "isAdmin" is set by the server; mark it readOnly or remove it from request schemas (mass assignment).' },
      ],
    },
  ],
});
