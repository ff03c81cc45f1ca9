import rule from '../owasp-api4-integer-limit.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: '3.0 min/max, enum', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        schemas:
          A: { type: integer, minimum: 0, maximum: 10 }
          B: { type: integer, enum: [1, 2] }
    ` },
    { name: '3.1 numeric exclusive bounds', spec: yaml`
      openapi: 3.1.0
      info: { title: t, version: '1' }
      components:
        schemas:
          A: { type: integer, exclusiveMinimum: 0, exclusiveMaximum: 10 }
    ` },
  ],
  invalid: [
    {
      name: 'missing bounds',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          schemas:
            A: { type: integer }
            B: { type: integer, minimum: 1, exclusiveMaximum: true }
      `,
      errors: [
        { messageId: 'unbounded', pointer: '/components/schemas/A', message: 'Integer schema has no minimum and maximum.' },
        { messageId: 'unbounded', pointer: '/components/schemas/B', message: 'Integer schema has no maximum.' },
      ],
    },
  ],
});
