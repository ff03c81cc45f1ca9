import rule from '../no-eval-in-markdown.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'plain text', spec: "openapi: 3.0.3\ninfo: { title: t, version: '1', description: 'Evaluation (beta)' }\npaths: {}\n" },
  ],
  invalid: [
    {
      name: 'eval in info and in a schema title',
      spec: yaml`
        openapi: 3.0.3
        info:
          title: t
          version: '1'
          description: 'run eval(x)'
        paths: {}
        components:
          schemas:
            S: { type: string, title: 'eval(1)' }
      `,
      errors: [
        { messageId: 'forbidden', pointer: '/info/description', line: 5, column: 16 },
        { messageId: 'forbidden', pointer: '/components/schemas/S/title' },
      ],
    },
  ],
});
