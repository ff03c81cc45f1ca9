import rule from '../oas2-anyOf.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'no anyOf', spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths: {}\ndefinitions:\n  S: { type: string }\n" },
    { name: 'OpenAPI 3 may use anyOf', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    S: { anyOf: [{ type: string }] }\n" },
  ],
  invalid: [
    {
      name: 'anyOf in a definition',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths: {}
        definitions:
          S:
            anyOf: [{ type: string }, { type: integer }]
      `,
      errors: [{ messageId: 'anyOf', pointer: '/definitions/S/anyOf', line: 6, column: 12 }],
    },
  ],
});
