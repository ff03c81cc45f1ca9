import rule from '../owasp-api2-short-lived-access-tokens.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'refreshUrl', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        securitySchemes:
          o:
            type: oauth2
            flows:
              clientCredentials: { tokenUrl: 'https://a.io/t', refreshUrl: 'https://a.io/r', scopes: {} }
    ` },
  ],
  invalid: [
    {
      name: 'no refreshUrl',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          securitySchemes:
            o:
              type: oauth2
              flows:
                authorizationCode: { authorizationUrl: 'https://a.io/a', tokenUrl: 'https://a.io/t', scopes: {} }
      `,
      errors: [{ messageId: 'noRefresh', pointer: '/components/securitySchemes/o/flows/authorizationCode', line: 9, message: 'OAuth 2 flow "authorizationCode" has no refreshUrl; access tokens likely do not expire.' }],
    },
  ],
});
