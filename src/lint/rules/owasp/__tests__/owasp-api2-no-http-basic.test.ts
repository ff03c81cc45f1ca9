import rule from '../owasp-api2-no-http-basic.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'bearer', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        securitySchemes:
          bearer: { type: http, scheme: bearer, bearerFormat: JWT }
    ` },
  ],
  invalid: [
    {
      name: 'http basic (any case)',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          securitySchemes:
            basicAuth: { type: http, scheme: Basic }
      `,
      errors: [{ messageId: 'basic', pointer: '/components/securitySchemes/basicAuth/scheme', message: 'Security scheme "basicAuth" uses HTTP Basic; use OAuth 2, OpenID Connect or signed tokens instead.' }],
    },
    {
      name: 'swagger 2.0 basic',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths: {}
        securityDefinitions:
          b: { type: basic }
      `,
      errors: [{ messageId: 'basic', pointer: '/securityDefinitions/b/type' }],
    },
  ],
});
