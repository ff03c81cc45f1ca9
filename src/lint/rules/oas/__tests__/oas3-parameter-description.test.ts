import rule from '../oas3-parameter-description.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'described', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { parameters: [{ name: q, in: query, schema: { type: string }, description: d }], responses: {} } }\n" },
    { name: 'webhooks and callbacks are not looked at (as in Spectral)', spec: yaml`
      openapi: 3.1.0
      info: { title: t, version: '1' }
      paths:
        /a:
          post:
            callbacks:
              done:
                '{$request.body#/url}':
                  post: { parameters: [{ name: attempt, in: header, schema: { type: integer } }], responses: {} }
            responses: {}
      webhooks:
        created:
          post: { parameters: [{ name: attempt, in: header, schema: { type: integer } }], responses: {} }
    ` },
  ],
  invalid: [
    {
      name: 'no description',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            parameters:
              - name: q
                in: query
                schema: { type: string }
      `,
      errors: [{ messageId: 'missing', pointer: '/paths/~1a/parameters/0', line: 6, column: 9 }],
    },
  ],
});
