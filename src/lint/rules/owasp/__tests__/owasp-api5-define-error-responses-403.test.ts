import rule from '../owasp-api5-define-error-responses-403.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'secured with 403; public without', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            security: [{ b: [] }]
            responses: { '403': { description: no } }
        /b:
          get: { responses: {} }
      components:
        securitySchemes:
          b: { type: http, scheme: bearer }
    ` },
  ],
  invalid: [
    {
      name: 'secured without 403',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        security: [{ b: [] }]
        paths:
          /a:
            get:
              responses: { '401': { description: who } }
        components:
          securitySchemes:
            b: { type: http, scheme: bearer }
      `,
      errors: [{ messageId: 'missing', pointer: '/paths/~1a/get/responses', message: 'GET /a is secured but does not document a 403 (Forbidden) response.' }],
    },
  ],
});
