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
    {
      name: 'a path-level server repeating a root URL is covered by the root finding; another URL is reported once',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            servers: [{ url: https://api.acme.io }, { url: https://files.acme.io }]
            get: { responses: {} }
          /b:
            servers: [{ url: https://api.acme.io }, { url: https://files.acme.io }]
            get:
              servers: [{ url: https://files.acme.io }]
              responses: {}
        servers:
          - url: https://api.acme.io
      `,
      errors: [{ messageId: 'noAudience', pointer: '/paths/~1a/servers/1' }, { messageId: 'noAudience', pointer: '/servers/0' }],
    },
  ],
});
