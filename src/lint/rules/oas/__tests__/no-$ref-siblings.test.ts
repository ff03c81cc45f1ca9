import rule from '../no-$ref-siblings.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'lone $ref', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        schemas:
          A: { $ref: '#/components/schemas/B' }
          B: { type: string }
    ` },
    { name: 'siblings are allowed in 3.1', spec: "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    A: { $ref: '#/components/schemas/B', description: d }\n    B: { type: string }\n" },
  ],
  invalid: [
    {
      name: 'description beside $ref',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          schemas:
            A:
              $ref: '#/components/schemas/B'
              description: ignored
            B: { type: string }
      `,
      errors: [{ messageId: 'sibling', pointer: '/components/schemas/A/description', line: 8, column: 20 }],
    },
  ],
});
