import rule from '../owasp-api8-define-cors-origin.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'CORS header declared; no headers at all', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            responses:
              '200':
                description: ok
                headers:
                  access-control-allow-origin: { schema: { type: string } }
              '204': { description: none }
    ` },
  ],
  invalid: [
    {
      name: 'headers without CORS',
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
                    X-Request-Id: { schema: { type: string } }
      `,
      errors: [{ messageId: 'noCors', pointer: '/paths/~1a/get/responses/200/headers' }],
    },
  ],
});
