import rule from '../typed-enum.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'integers', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    S: { type: integer, enum: [1, 2] }\n" },
    { name: 'nullable 3.0 enum with null', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    S: { type: string, nullable: true, enum: [a, null] }\n" },
    { name: '3.1 type list', spec: "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    S: { type: [string, 'null'], enum: [a, null] }\n" },
  ],
  invalid: [
    {
      name: 'string among integers',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          schemas:
            S:
              type: integer
              enum: [1, '2', 2.5]
      `,
      errors: [
        { messageId: 'mistyped', pointer: '/components/schemas/S/enum/1', line: 8, column: 17, message: 'Enum value "2" must be "integer".' },
        { messageId: 'mistyped', pointer: '/components/schemas/S/enum/2', message: 'Enum value 2.5 must be "integer".' },
      ],
    },
    {
      name: 'null without nullable in 3.0',
      spec: "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    S: { type: string, enum: [a, null] }\n",
      errors: [{ messageId: 'mistyped', pointer: '/components/schemas/S/enum/1', message: 'Enum value null must be "string".' }],
    },
  ],
});
