import rule from '../operation-parameters.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'distinct parameters', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            parameters:
              - { name: q, in: query, schema: { type: string } }
              - { name: q, in: header, schema: { type: string } }
            responses: { '200': { description: ok } }
    ` },
  ],
  invalid: [
    {
      name: 'same name and location twice, one through a $ref',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              parameters:
                - { name: q, in: query, schema: { type: string } }
                - $ref: '#/components/parameters/Q'
              responses: { '200': { description: ok } }
        components:
          parameters:
            Q: { name: q, in: query, schema: { type: integer } }
      `,
      errors: [{ messageId: 'duplicate', pointer: '/paths/~1a/get/parameters/1', line: 8, column: 11 }],
    },
    {
      name: 'two bodies and a form parameter',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /a:
            post:
              parameters:
                - { name: a, in: body, schema: { type: object } }
                - { name: b, in: body, schema: { type: object } }
                - { name: c, in: formData, type: string }
              responses: { '200': { description: ok } }
      `,
      errors: [
        { messageId: 'bodyAndForm', pointer: '/paths/~1a/post/parameters' },
        { messageId: 'manyBodies', pointer: '/paths/~1a/post/parameters/1' },
      ],
    },
  ],
});
