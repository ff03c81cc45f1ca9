import rule from '../owasp-api2-jwt-best-practices.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'jwt citing RFC8725; opaque bearer', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        securitySchemes:
          jwt: { type: http, scheme: bearer, bearerFormat: JWT, description: 'JWS tokens per RFC 8725.' }
          opaque: { type: http, scheme: bearer, bearerFormat: opaque }
    ` },
  ],
  invalid: [
    {
      name: 'jwt without description, oauth2 without RFC',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          securitySchemes:
            jwt: { type: http, scheme: bearer, bearerFormat: jwt }
            oauth:
              type: oauth2
              description: OAuth 2 tokens.
              flows: {}
      `,
      errors: [
        { messageId: 'noDescription', pointer: '/components/securitySchemes/jwt' },
        { messageId: 'noRfc8725', pointer: '/components/securitySchemes/oauth/description' },
      ],
    },
  ],
});
