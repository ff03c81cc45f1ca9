import rule from '../owasp-api3-constrained-additional-properties.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'bounded map, closed object', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        schemas:
          A: { type: object, additionalProperties: { type: string }, maxProperties: 5 }
          B: { type: object, additionalProperties: false }
    ` },
  ],
  invalid: [
    {
      name: 'unbounded map',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          schemas:
            Labels: { type: object, additionalProperties: { type: string } }
      `,
      errors: [{ messageId: 'unbounded', pointer: '/components/schemas/Labels/additionalProperties' }],
    },
  ],
});
