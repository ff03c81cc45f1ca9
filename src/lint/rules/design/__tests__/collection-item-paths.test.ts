import rule from '../collection-item-paths.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'aligned collection and item (parameter names differ)', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /users: {}
        /users/{userId}: {}
        /users/{id}/orders: {}
        /users/{id}/orders/{orderId}: {}
    ` },
  ],
  invalid: [
    {
      name: 'singular item next to plural collection, item without collection',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /users: {}
          /user/{userId}: {}
          /reports/{reportId}: {}
      `,
      errors: [
        { messageId: 'mismatch', pointer: '/paths/~1user~1{userId}', message: 'Item path "/user/{userId}" does not match its collection "/users"; use the same (plural) noun.' },
        { messageId: 'noCollection', pointer: '/paths/~1reports~1{reportId}', message: 'Item path "/reports/{reportId}" has no collection path "/reports".' },
      ],
    },
  ],
});
