import rule from '../owasp-api9-deprecated-sunset.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'x-sunset, Sunset header, date in description', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get: { deprecated: true, x-sunset: '2027-01-01', responses: {} }
          put: { deprecated: true, description: 'Will be removed on 2027-01-01.', responses: {} }
          post:
            deprecated: true
            responses:
              '200':
                description: ok
                headers:
                  Sunset: { schema: { type: string } }
          delete: { responses: {} }
    ` },
  ],
  invalid: [
    {
      name: 'deprecated without a date',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get: { deprecated: true, description: Use /b instead., responses: {} }
      `,
      errors: [{ messageId: 'noSunset', pointer: '/paths/~1a/get/deprecated', message: 'GET /a is deprecated without a sunset date; deprecated-but-running endpoints become zombie APIs.' }],
    },
  ],
});
