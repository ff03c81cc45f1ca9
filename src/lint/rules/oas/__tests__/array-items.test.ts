import rule from '../array-items.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'array with items', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    S: { type: array, items: { type: string } }\n" },
  ],
  invalid: [
    {
      name: 'schema array without items',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          schemas:
            S:
              type: object
              properties:
                tags:
                  type: array
      `,
      errors: [{ messageId: 'missing', pointer: '/components/schemas/S/properties/tags', line: 9, column: 9 }],
    },
    {
      name: 'Swagger query parameter array without items',
      spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get:\n      parameters: [{ name: ids, in: query, type: array }]\n      responses: {}\n",
      errors: [{ messageId: 'missing', pointer: '/paths/~1a/get/parameters/0' }],
    },
    {
      name: '3.1 type list with array',
      spec: "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    S: { type: [array, 'null'] }\n",
      errors: [{ messageId: 'missing', pointer: '/components/schemas/S' }],
    },
  ],
});
