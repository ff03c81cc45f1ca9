import rule from '../oas2-api-host.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'host present', spec: yaml`
      swagger: '2.0'
      info: { title: t, version: '1' }
      host: api.shop.example
      paths: {}
    ` },
    { name: 'not applied to OpenAPI 3', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\n" },
  ],
  invalid: [
    {
      name: 'no host',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths: {}
      `,
      errors: [{ messageId: 'missing', pointer: '', line: 1, column: 1 }],
    },
  ],
});
