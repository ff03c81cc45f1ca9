import rule from '../operation-tag-defined.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'declared tag', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      tags: [{ name: orders }]
      paths:
        /a: { get: { tags: [orders], responses: { '200': { description: ok } } } }
    ` },
  ],
  invalid: [
    {
      name: 'undeclared tag',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        tags: [{ name: orders }]
        paths:
          /a:
            get:
              tags: [orders, order]
              responses: { '200': { description: ok } }
      `,
      errors: [{ messageId: 'undefinedTag', pointer: '/paths/~1a/get/tags/1', line: 7, column: 22, message: 'Operation tags must be defined in global tags.' }],
    },
    {
      name: 'no global tags',
      spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { tags: [x], responses: { '200': { description: ok } } } }\n",
      errors: [{ messageId: 'undefinedTag', pointer: '/paths/~1a/get/tags/0' }],
    },
  ],
});
