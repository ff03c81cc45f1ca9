import rule from '../path-declarations-must-exist.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'named parameter', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /a/{id}: {}\n" },
  ],
  invalid: [
    {
      name: 'empty braces',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a/{}: {}
      `,
      errors: [{ messageId: 'empty', pointer: '/paths/~1a~1{}', line: 4, column: 3 }],
    },
  ],
});
