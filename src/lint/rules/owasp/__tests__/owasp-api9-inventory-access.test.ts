import rule from '../owasp-api9-inventory-access.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'x-internal declared', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      servers:
        - { url: 'https://api.acme.io', x-internal: false }
      paths: {}
    ` },
  ],
  invalid: [
    {
      name: 'no x-internal',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        servers:
          - url: https://api.acme.io
        paths: {}
      `,
      errors: [{ messageId: 'noAudience', pointer: '/servers/0', message: 'Server "https://api.acme.io" does not declare x-internal (true or false).' }],
    },
  ],
});
