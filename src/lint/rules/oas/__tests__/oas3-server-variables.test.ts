import rule from '../oas3-server-variables.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'declared variables', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      servers:
        - url: 'https://{region}.shop.example/{version}'
          variables:
            region: { default: eu, enum: [eu, us] }
            version: { default: v1 }
      paths: {}
    ` },
  ],
  invalid: [
    {
      name: 'unused, missing, default outside enum',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        servers:
          - url: 'https://{region}.shop.example/{version}'
            variables:
              region: { default: eu, enum: [us] }
              old: { default: x }
        paths: {}
      `,
      errors: [
        { messageId: 'unused', pointer: '/servers/0/variables/old', line: 7, column: 12 },
        { messageId: 'missing', pointer: '/servers/0/variables', message: 'Not all server\'s variables are described with "variables" object. Missed: version.' },
        { messageId: 'defaultNotInEnum', pointer: '/servers/0/variables/region/default' },
      ],
    },
    {
      name: 'no default, invalid substitution',
      spec: "openapi: 3.1.0\ninfo: { title: t, version: '1' }\nservers:\n  - url: '{scheme}://shop.example'\n    variables:\n      scheme: { enum: ['http', 'not a scheme'] }\npaths: {}\n",
      errors: [
        { messageId: 'noDefault', pointer: '/servers/0/variables/scheme' },
        { messageId: 'invalidUrls', pointer: '/servers/0/variables', message: 'A few substitutions of server variables resulted in invalid URLs: not%20a%20scheme://shop.example' },
      ],
    },
  ],
});
