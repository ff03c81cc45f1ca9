import rule from '../oas3-examples-value-or-externalValue.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'value only', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  examples:\n    E: { value: 1 }\n" },
    { name: 'webhooks and component responses are not looked at (as in Spectral)', spec: yaml`
      openapi: 3.1.0
      info: { title: t, version: '1' }
      paths: {}
      webhooks:
        created:
          post:
            requestBody:
              content: { application/json: { examples: { e: { summary: nothing } } } }
            responses: {}
      components:
        responses:
          Empty:
            description: nothing
            content: { application/json: { examples: { e: { summary: nothing } } } }
    ` },
  ],
  invalid: [
    {
      name: 'neither',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          examples:
            E:
              summary: nothing
      `,
      errors: [{ messageId: 'neither', pointer: '/components/examples/E', line: 6, column: 5 }],
    },
    {
      name: 'both in a media type',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      examples:
                        e: { value: 1, externalValue: 'https://x.example/e.json' }
      `,
      errors: [{ messageId: 'both', pointer: '/paths/~1a/get/responses/200/content/application~1json/examples/e' }],
    },
  ],
});
