import rule from '../owasp-api4-string-limit.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'maxLength, enum, const, bounded formats', spec: yaml`
      openapi: 3.1.0
      info: { title: t, version: '1' }
      components:
        schemas:
          A: { type: string, maxLength: 5 }
          B: { type: string, enum: [a, b] }
          C: { type: string, const: x }
          D: { type: string, format: uuid }
          E: { type: string, format: date-time }
    ` },
  ],
  invalid: [
    {
      name: 'unbounded strings (email format is not bounded)',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          schemas:
            A:
              type: object
              properties:
                name: { type: string }
                email: { type: string, format: email }
      `,
      errors: [
        { messageId: 'noMaxLength', pointer: '/components/schemas/A/properties/name', message: 'String schema has no maxLength, enum or const.' },
        { messageId: 'noMaxLength', pointer: '/components/schemas/A/properties/email' },
      ],
    },
    {
      name: 'schema of a response header named x-… (a header, not an extension)',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  headers:
                    x-next: { schema: { type: string, format: uri } }
      `,
      errors: [{ messageId: 'noMaxLength', pointer: '/paths/~1a/get/responses/200/headers/x-next/schema' }],
    },
  ],
});
