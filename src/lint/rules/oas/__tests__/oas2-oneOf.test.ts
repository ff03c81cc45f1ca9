import rule from '../oas2-oneOf.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'no oneOf', spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths: {}\ndefinitions:\n  S: { type: string }\n" },
  ],
  invalid: [
    {
      name: 'oneOf in a nested property',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths: {}
        definitions:
          S:
            properties:
              v:
                oneOf: [{ type: string }, { type: integer }]
      `,
      errors: [{ messageId: 'oneOf', pointer: '/definitions/S/properties/v/oneOf', line: 8, column: 16 }],
    },
  ],
});
