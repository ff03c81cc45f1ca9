import rule from '../owasp-api4-array-limit.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'bounded arrays', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        schemas:
          A: { type: array, maxItems: 10, items: { type: integer } }
    ` },
  ],
  invalid: [
    {
      name: 'unbounded array in a schema and in a swagger 2.0 query parameter',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              parameters:
                - { name: ids, in: query, type: array, items: { type: string } }
              responses: {}
        definitions:
          L: { type: array, items: { type: string } }
      `,
      errors: [
        { messageId: 'noMaxItems', pointer: '/paths/~1a/get/parameters/0' },
        { messageId: 'noMaxItems', pointer: '/definitions/L' },
      ],
    },
    {
      name: '3.1 type list',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        components:
          schemas:
            A: { type: [array, 'null'] }
      `,
      errors: [{ messageId: 'noMaxItems', pointer: '/components/schemas/A' }],
    },
  ],
});
