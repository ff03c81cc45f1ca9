import rule from '../no-verbs-in-paths.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'nouns, add-ons and settings', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /users/{id}/settings: {}
        /add-ons: {}
        /orders/{id}/cancellation: {}
    ` },
  ],
  invalid: [
    {
      name: 'verbs in REST and RPC style paths',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /getUsers: {}
          /users/{id}/delete: {}
          /chat.postMessage: {}
      `,
      errors: [
        { messageId: 'verb', pointer: '/paths/~1getUsers', message: 'Path "/getUsers" has the verb "get" in segment "getUsers"; let the HTTP method carry the action.' },
        { messageId: 'verb', pointer: '/paths/~1users~1{id}~1delete' },
        { messageId: 'verb', pointer: '/paths/~1chat.postMessage' },
      ],
    },
  ],
});
