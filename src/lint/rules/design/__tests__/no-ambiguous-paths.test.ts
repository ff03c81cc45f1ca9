import rule from '../no-ambiguous-paths.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'literal is more specific', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /users/{id}: {}
        /users/me: {}
        /users/{id}/avatar: {}
        /users/me/avatar: {}
    ` },
  ],
  invalid: [
    {
      name: 'crossing templates',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /users/{id}/avatar: {}
          /users/me/{size}: {}
      `,
      errors: [{ messageId: 'ambiguous', pointer: '/paths/~1users~1me~1{size}', message: 'Path "/users/me/{size}" is ambiguous with "/users/{id}/avatar": a request such as "/users/me/avatar" matches both.' }],
    },
  ],
});
