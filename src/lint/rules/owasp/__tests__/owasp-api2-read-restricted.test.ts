import rule from '../owasp-api2-read-restricted.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'secured or optional reads', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get: { security: [{ key: [] }], responses: {} }
        /b:
          get: { security: [{}, { key: [] }], responses: {} }
        /c:
          post: { responses: {} }
      components:
        securitySchemes:
          key: { type: apiKey, in: header, name: X-Key }
    ` },
  ],
  invalid: [
    {
      name: 'unprotected get and head',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get: { responses: {} }
            head: { security: [], responses: {} }
      `,
      errors: [
        { messageId: 'none', pointer: '/paths/~1a/get', message: 'GET /a is a read operation with no security requirement.' },
        { messageId: 'explicitEmpty', pointer: '/paths/~1a/head/security' },
      ],
    },
  ],
});
