import rule from '../media-examples-defined.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'media example, schema example, examples map; non-JSON ignored', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          post:
            requestBody:
              content:
                application/json:
                  schema: { type: object }
                  example: { a: 1 }
                text/csv:
                  schema: { type: string }
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/A' }
              '201':
                description: ok
                content:
                  application/json:
                    schema: { type: object }
                    examples: { one: { value: {} } }
      components:
        schemas:
          A: { type: object, example: { a: 1 } }
    ` },
  ],
  invalid: [
    {
      name: 'request and response without examples',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            post:
              requestBody:
                content:
                  application/json:
                    schema: { type: object }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { type: object }
      `,
      errors: [
        { messageId: 'request', pointer: '/paths/~1a/post/requestBody/content/application~1json', message: 'POST /a: the application/json request body has no example.' },
        { messageId: 'response', pointer: '/paths/~1a/post/responses/200/content/application~1json' },
      ],
    },
  ],
});
