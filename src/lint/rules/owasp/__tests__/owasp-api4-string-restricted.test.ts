import rule from '../owasp-api4-string-restricted.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'format, pattern, enum, const', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        schemas:
          A: { type: string, format: email }
          B: { type: string, pattern: '^a$' }
          C: { type: string, enum: [x] }
    ` },
  ],
  invalid: [
    {
      name: 'free-form string and swagger 2.0 header',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  headers:
                    X-Id: { type: string, maxLength: 10 }
        definitions:
          N: { type: string, maxLength: 10 }
      `,
      errors: [
        { messageId: 'unrestricted', pointer: '/paths/~1a/get/responses/200/headers/X-Id' },
        { messageId: 'unrestricted', pointer: '/definitions/N' },
      ],
    },
  ],
});
