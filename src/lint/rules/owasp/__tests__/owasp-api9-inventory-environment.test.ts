import rule from '../owasp-api9-inventory-environment.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'environment named', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      servers:
        - { url: 'https://api.acme.io', description: Production }
        - { url: 'https://sandbox.acme.io', description: Sandbox for testing }
      paths: {}
    ` },
  ],
  invalid: [
    {
      name: 'no or vague description',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        servers:
          - url: https://api.acme.io
          - { url: 'https://eu.acme.io', description: Europe }
        paths: {}
      `,
      errors: [
        { messageId: 'noEnvironment', pointer: '/servers/0' },
        { messageId: 'noEnvironment', pointer: '/servers/1', message: 'Server "https://eu.acme.io" does not name its environment in its description.' },
      ],
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
      errors: [{ messageId: 'noEnvironment', pointer: '/paths/~1a/servers/1' }, { messageId: 'noEnvironment', pointer: '/servers/0' }],
    },
  ],
});
