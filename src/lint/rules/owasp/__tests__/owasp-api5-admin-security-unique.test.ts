import rule from '../owasp-api5-admin-security-unique.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'admin needs a distinct scope', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /users:
          get: { security: [{ oauth: [read] }], responses: {} }
        /admin/users:
          delete: { security: [{ oauth: [admin] }], responses: {} }
      components:
        securitySchemes:
          oauth: { type: oauth2, flows: {} }
    ` },
  ],
  invalid: [
    {
      name: 'admin and internal inherit the global requirement users have',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        security: [{ bearer: [] }]
        paths:
          /users:
            get: { responses: {} }
          /admin/users:
            delete: { responses: {} }
          /internal/jobs:
            post: { security: [{ key: [] }, { bearer: [] }], responses: {} }
        components:
          securitySchemes:
            bearer: { type: http, scheme: bearer }
            key: { type: apiKey, in: header, name: X-Key }
      `,
      errors: [
        { messageId: 'shared', pointer: '/paths/~1admin~1users/delete', message: 'DELETE /admin/users is an admin/internal operation with the same security requirement as ordinary operations (bearer).' },
        { messageId: 'shared', pointer: '/paths/~1internal~1jobs/post/security' },
      ],
    },
  ],
});
