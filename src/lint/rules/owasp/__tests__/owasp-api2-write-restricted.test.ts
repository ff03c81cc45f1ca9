import rule from '../owasp-api2-write-restricted.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'global security inherited; reads not concerned', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      security: [{ bearer: [] }]
      paths:
        /orders:
          post: { responses: {} }
          get: { security: [], responses: {} }
      components:
        securitySchemes:
          bearer: { type: http, scheme: bearer }
    ` },
  ],
  invalid: [
    {
      name: 'no security, explicit empty, anonymous alternative, undefined scheme',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            post: { responses: {} }
          /b:
            put: { security: [], responses: {} }
          /c:
            patch: { security: [{ bearer: [] }, {}], responses: {} }
          /d:
            delete: { security: [{ missing: [] }], responses: {} }
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
      `,
      errors: [
        { messageId: 'none', pointer: '/paths/~1a/post', message: 'POST /a is a write operation with no security requirement.' },
        { messageId: 'explicitEmpty', pointer: '/paths/~1b/put/security' },
        { messageId: 'optional', pointer: '/paths/~1c/patch/security/1' },
        { messageId: 'undefinedScheme', pointer: '/paths/~1d/delete/security', message: 'DELETE /d is protected only by undefined security schemes: missing.' },
      ],
    },
    {
      name: 'swagger 2.0 without securityDefinitions',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /a:
            post: { responses: {} }
      `,
      errors: [{ messageId: 'none', pointer: '/paths/~1a/post' }],
    },
  ],
});
