import rule from '../owasp-api2-no-implicit-or-password-flow.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'authorization code', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        securitySchemes:
          o:
            type: oauth2
            flows:
              authorizationCode: { authorizationUrl: 'https://a.io/a', tokenUrl: 'https://a.io/t', scopes: {} }
    ` },
  ],
  invalid: [
    {
      name: 'implicit and password flows',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          securitySchemes:
            o:
              type: oauth2
              flows:
                implicit: { authorizationUrl: 'https://a.io/a', scopes: {} }
                password: { tokenUrl: 'https://a.io/t', scopes: {} }
      `,
      errors: [
        { messageId: 'deprecatedFlow', pointer: '/components/securitySchemes/o/flows/implicit', line: 9, column: 9 },
        { messageId: 'deprecatedFlow', pointer: '/components/securitySchemes/o/flows/password' },
      ],
    },
    {
      name: 'swagger 2.0 password flow',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths: {}
        securityDefinitions:
          o: { type: oauth2, flow: password, tokenUrl: 'https://a.io/t', scopes: {} }
      `,
      errors: [{ messageId: 'deprecatedFlow', pointer: '/securityDefinitions/o/flow' }],
    },
  ],
});
