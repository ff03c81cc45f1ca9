import rule from '../owasp-api1-no-numeric-ids.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'uuid id', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /users/{userId}:
          parameters:
            - { name: userId, in: path, required: true, schema: { type: string, format: uuid } }
    ` },
    { name: 'integer that is not an id', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /users:
          get:
            parameters:
              - { name: limit, in: query, schema: { type: integer } }
            responses: {}
    ` },
  ],
  invalid: [
    {
      name: 'integer path id through a $ref schema',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /users/{user_id}:
            get:
              parameters:
                - { name: user_id, in: path, required: true, schema: { $ref: '#/components/schemas/Int' } }
              responses: {}
        components:
          schemas:
            Int: { type: integer, format: int64 }
      `,
      errors: [{ messageId: 'numericId', pointer: '/paths/~1users~1{user_id}/get/parameters/0/schema', message: 'Parameter "user_id" is an integer identifier; sequential ids can be enumerated (BOLA). Use a random id such as a UUID.' }],
    },
    {
      name: 'an id that may be an integer (anyOf integer or string)',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /snapshots/{snapshot_id}:
            get:
              parameters:
                - { name: snapshot_id, in: path, required: true, schema: { anyOf: [{ type: integer }, { type: string }] } }
              responses: {}
      `,
      errors: [{ messageId: 'numericId', pointer: '/paths/~1snapshots~1{snapshot_id}/get/parameters/0/schema' }],
    },
    {
      name: 'swagger 2.0 integer id',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /pets/{id}:
            get:
              parameters:
                - { name: id, in: path, required: true, type: integer }
              responses: {}
      `,
      errors: [{ messageId: 'numericId', pointer: '/paths/~1pets~1{id}/get/parameters/0/type', line: 7, column: 55 }],
    },
  ],
});
