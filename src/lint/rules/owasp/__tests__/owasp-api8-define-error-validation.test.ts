import rule from '../owasp-api8-define-error-validation.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: '400, 422 or 4XX', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get: { responses: { '400': { description: bad } } }
          post: { responses: { '422': { description: bad } } }
          put: { responses: { '4XX': { description: bad } } }
    ` },
  ],
  invalid: [
    {
      name: 'only 404',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get: { responses: { '404': { description: none } } }
      `,
      errors: [{ messageId: 'missing', pointer: '/paths/~1a/get/responses', message: 'GET /a documents no validation error response (400, 422 or 4XX).' }],
    },
  ],
});
