import rule from '../owasp-api2-bearer-format-defined.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'bearer with format; basic is another rule', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        securitySchemes:
          b: { type: http, scheme: bearer, bearerFormat: JWT }
          basic: { type: http, scheme: basic }
    ` },
  ],
  invalid: [
    {
      name: 'bearer without format',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          securitySchemes:
            b: { type: http, scheme: Bearer }
      `,
      errors: [{ messageId: 'noFormat', pointer: '/components/securitySchemes/b' }],
    },
  ],
});
