import rule from '../license-url.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'url present', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1', license: { name: MIT, url: 'https://opensource.org/licenses/MIT' } }
      paths: {}
    ` },
  ],
  invalid: [
    {
      name: 'license without url',
      spec: yaml`
        openapi: 3.0.3
        info:
          title: t
          version: '1'
          license:
            name: MIT
        paths: {}
      `,
      errors: [{ messageId: 'missing', pointer: '/info/license', line: 5, column: 3 }],
    },
    { name: 'no license at all', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\n", errors: [{ messageId: 'missing', pointer: '/info' }] },
  ],
});
