import rule from '../owasp-api4-integer-format.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'int32', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        schemas:
          A: { type: integer, format: int32 }
          B: { type: number }
    ` },
  ],
  invalid: [
    {
      name: 'no format',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          schemas:
            A: { type: integer }
      `,
      errors: [{ messageId: 'noFormat', pointer: '/components/schemas/A', line: 6, column: 8 }],
    },
  ],
});
