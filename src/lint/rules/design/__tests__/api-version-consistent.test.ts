import rule from '../api-version-consistent.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'version in the server URL', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      servers: [{ url: 'https://api.acme.io/v2' }]
      paths:
        /users: {}
    ` },
    { name: 'version header', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /users:
          get:
            parameters:
              - { name: Api-Version, in: header, schema: { type: string } }
            responses: {}
    ` },
  ],
  invalid: [
    {
      name: 'no visible version',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        servers: [{ url: 'https://api.acme.io' }]
        paths:
          /users: {}
      `,
      errors: [{ messageId: 'notVisible', pointer: '/servers' }],
    },
    {
      name: 'stray and mixed versions',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /v1/users: {}
          /v1/orders: {}
          /v1/items: {}
          /v2/users: {}
          /invoices: {}
      `,
      errors: [
        { messageId: 'otherVersion', pointer: '/paths/~1v2~1users', message: 'Path "/v2/users" is under /v2, but most paths are under /v1.' },
        { messageId: 'unversionedPath', pointer: '/paths/~1invoices' },
      ],
    },
  ],
});
