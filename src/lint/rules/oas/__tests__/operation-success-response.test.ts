import rule from '../operation-success-response.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: '200 response', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a: { get: { responses: { '200': { description: ok } } } }
    ` },
    { name: '2XX range in OpenAPI 3', spec: yaml`
      openapi: 3.1.0
      info: { title: t, version: '1' }
      paths:
        /a: { get: { responses: { 2XX: { description: ok } } } }
    ` },
    { name: '302 redirect', spec: yaml`
      swagger: '2.0'
      info: { title: t, version: '1' }
      paths:
        /a: { get: { responses: { '302': { description: moved } } } }
    ` },
  ],
  invalid: [
    {
      name: 'errors only',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              responses:
                '404': { description: missing }
      `,
      errors: [{ messageId: 'missing', pointer: '/paths/~1a/get/responses', line: 6, column: 7 }],
    },
    {
      name: '2XX is not a Swagger 2.0 key',
      spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths:\n  /a: { get: { responses: { 2XX: { description: ok } } } }\n",
      errors: [{ messageId: 'missing', pointer: '/paths/~1a/get/responses' }],
    },
  ],
});
