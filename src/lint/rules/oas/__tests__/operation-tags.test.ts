import rule from '../operation-tags.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'tagged', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { tags: [a], responses: {} } }\n" },
  ],
  invalid: [
    {
      name: 'empty tags',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              tags: []
              responses: {}
      `,
      errors: [{ messageId: 'missing', pointer: '/paths/~1a/get/tags', line: 6, column: 13 }],
    },
    { name: 'no tags', spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { responses: {} } }\n", errors: [{ messageId: 'missing', pointer: '/paths/~1a/get' }] },
  ],
});
