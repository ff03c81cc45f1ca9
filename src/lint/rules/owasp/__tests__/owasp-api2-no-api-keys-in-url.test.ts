import rule from '../owasp-api2-no-api-keys-in-url.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'key in header', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        securitySchemes:
          key: { type: apiKey, in: header, name: X-API-Key }
    ` },
  ],
  invalid: [
    {
      name: 'key in query',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          securitySchemes:
            key: { type: apiKey, in: query, name: api_key }
      `,
      errors: [{ messageId: 'inUrl', pointer: '/components/securitySchemes/key/in', message: 'API key "key" is passed in the query; URLs end up in logs, browser history and proxies. Send it in a header.' }],
    },
    {
      name: 'swagger 2.0 key in query',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths: {}
        securityDefinitions:
          key: { type: apiKey, in: query, name: key }
      `,
      errors: [{ messageId: 'inUrl', pointer: '/securityDefinitions/key/in' }],
    },
  ],
});
