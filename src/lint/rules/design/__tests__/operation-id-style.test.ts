import rule from '../operation-id-style.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'camelCase with one-word ids', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get: { operationId: listUsers, responses: {} }
          post: { operationId: createUser, responses: {} }
          put: { operationId: updateUser, responses: {} }
          delete: { operationId: purge, responses: {} }
    ` },
  ],
  invalid: [
    {
      name: 'snake_case outlier',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get: { operationId: listUsers, responses: {} }
            post: { operationId: createUser, responses: {} }
            put: { operationId: updateUser, responses: {} }
            delete: { operationId: delete_user, responses: {} }
      `,
      errors: [{ messageId: 'outlier', pointer: '/paths/~1a/delete/operationId', message: 'operationId "delete_user" is snake_case, but most operationIds in this document are camelCase.' }],
    },
  ],
});
