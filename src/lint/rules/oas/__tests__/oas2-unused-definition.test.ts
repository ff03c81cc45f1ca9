import rule from '../oas2-unused-definition.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'all used', spec: yaml`
      swagger: '2.0'
      info: { title: t, version: '1' }
      paths:
        /a: { get: { responses: { '200': { description: ok, schema: { $ref: '#/definitions/A' } } } } }
      definitions:
        A: { type: object, properties: { b: { $ref: '#/definitions/B' } } }
        B: { type: string }
    ` },
  ],
  invalid: [
    {
      name: 'one unused',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /a: { get: { responses: { '200': { description: ok, schema: { $ref: '#/definitions/A' } } } } }
        definitions:
          A: { type: object }
          Old: { type: object }
      `,
      errors: [{ messageId: 'unused', pointer: '/definitions/Old', line: 7, column: 8 }],
    },
  ],
});
