import rule from '../owasp-api9-no-example-servers.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'real hosts (example-like names are fine)', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      servers:
        - url: https://api.acme.io
        - url: https://examples.acme.io
      paths: {}
    ` },
  ],
  invalid: [
    {
      name: 'example.com server and swagger host',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        servers:
          - url: https://api.example.com/v1
        paths: {}
      `,
      errors: [{ messageId: 'example', pointer: '/servers/0/url', message: 'Server "https://api.example.com/v1" is a placeholder host; list the real servers so the inventory is accurate.' }],
    },
    {
      name: 'swagger 2.0 example host',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        host: example.org
        paths: {}
      `,
      errors: [{ messageId: 'example', pointer: '/host' }],
    },
  ],
});
