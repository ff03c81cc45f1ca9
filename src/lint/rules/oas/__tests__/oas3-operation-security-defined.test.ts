import rule from '../oas3-operation-security-defined.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'defined scheme and scope', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      components:
        securitySchemes:
          oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://a.example', scopes: { read: r } } } }
      security: [{ oauth: [read] }]
      paths: {}
    ` },
  ],
  invalid: [
    {
      name: 'undefined scheme at the top level',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        security:
          - bearer: []
        paths: {}
      `,
      errors: [{ messageId: 'undefinedScheme', pointer: '/security/0/bearer', line: 4, column: 13, message: 'API "security" values must match a scheme defined in the "components.securitySchemes" object.' }],
    },
    {
      name: 'undefined scope on an operation',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        components:
          securitySchemes:
            oauth: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://a.example', scopes: { read: r } } } }
        paths:
          /a:
            get:
              security: [{ oauth: [read, admin] }]
              responses: {}
      `,
      errors: [{ messageId: 'undefinedScope', pointer: '/paths/~1a/get/security/0/oauth/1' }],
    },
  ],
});
