import rule from '../owasp-api2-auth-insecure-schemes.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'bearer', spec: yaml`
      openapi: 3.1.0
      info: { title: t, version: '1' }
      components:
        securitySchemes:
          b: { type: http, scheme: bearer }
    ` },
  ],
  invalid: [
    {
      name: 'negotiate and oauth',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        components:
          securitySchemes:
            ntlm: { type: http, scheme: Negotiate }
            oauth1: { type: http, scheme: oauth }
      `,
      errors: [
        { messageId: 'insecure', pointer: '/components/securitySchemes/ntlm/scheme', message: 'Security scheme "ntlm" uses the outdated HTTP scheme "Negotiate".' },
        { messageId: 'insecure', pointer: '/components/securitySchemes/oauth1/scheme' },
      ],
    },
  ],
});
