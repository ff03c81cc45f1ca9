import rule from '../oas2-discriminator.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'defined and required', spec: "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths: {}\ndefinitions:\n  Pet: { type: object, discriminator: kind, required: [kind], properties: { kind: { type: string } } }\n" },
  ],
  invalid: [
    {
      name: 'a definition met through a $ref first',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /pets:
            get:
              responses:
                '200': { description: ok, schema: { $ref: '#/definitions/Pet' } }
        definitions:
          Pet:
            type: object
            discriminator: kind
            required: [kind]
            properties:
              name: { type: string }
      `,
      errors: [{ messageId: 'notDefined', pointer: '/definitions/Pet/properties', line: 13, column: 5 }],
    },
    {
      name: 'neither defined nor required',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths: {}
        definitions:
          Pet:
            type: object
            discriminator: kind
            properties:
              name: { type: string }
      `,
      errors: [
        { messageId: 'notDefined', pointer: '/definitions/Pet/properties', line: 8, column: 5 },
        { messageId: 'notRequired', pointer: '/definitions/Pet' },
      ],
    },
  ],
});
