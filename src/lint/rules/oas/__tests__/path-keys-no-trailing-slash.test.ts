import rule from '../path-keys-no-trailing-slash.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'root path', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /: {}
    ` },
    { name: 'no trailing slash', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /users: {}
    ` },
  ],
  invalid: [
    {
      name: 'trailing slash',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /users/: {}
      `,
      errors: [{ messageId: 'trailingSlash', pointer: '/paths/~1users~1', line: 4, column: 3 }],
    },
    {
      name: 'swagger 2.0 trailing slash',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /a/b/: {}
      `,
      errors: [{ messageId: 'trailingSlash', pointer: '/paths/~1a~1b~1' }],
    },
  ],
});
