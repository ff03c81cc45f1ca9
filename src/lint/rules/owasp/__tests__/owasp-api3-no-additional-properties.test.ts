import rule from '../owasp-api3-no-additional-properties.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'closed or schema-valued', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        schemas:
          A: { type: object, additionalProperties: false }
          B: { type: object, additionalProperties: { type: string }, maxProperties: 5 }
    ` },
  ],
  invalid: [
    {
      name: 'true and empty schema',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          schemas:
            A: { type: object, additionalProperties: true }
            B: { type: object, additionalProperties: {} }
      `,
      errors: [
        { messageId: 'open', pointer: '/components/schemas/A/additionalProperties', message: 'Object schema allows any extra property (additionalProperties: true); set it to false or give it a constrained schema.' },
        { messageId: 'open', pointer: '/components/schemas/B/additionalProperties' },
      ],
    },
    {
      name: '3.1 unevaluatedProperties',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        components:
          schemas:
            A: { type: [object, 'null'], unevaluatedProperties: true }
      `,
      errors: [{ messageId: 'open', pointer: '/components/schemas/A/unevaluatedProperties' }],
    },
  ],
});
