import rule from '../oas3-api-servers.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'one server', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      servers:
        - url: 'https://api.shop.example'
      paths: {}
    ` },
  ],
  invalid: [
    {
      name: 'no servers',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        paths: {}
      `,
      errors: [{ messageId: 'missing', pointer: '', line: 1, column: 1 }],
    },
    { name: 'empty servers', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\nservers: []\npaths: {}\n", errors: [{ messageId: 'missing', pointer: '/servers' }] },
    { name: 'a server that is not an object', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\nservers: [{ url: 'https://a.example' }, 'https://b.example']\npaths: {}\n", errors: [{ messageId: 'missing', pointer: '/servers/1' }] },
  ],
});
