import rule from '../oas3-unused-component.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'used from another file', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a: { $ref: 'paths.yaml#/a' }
      components:
        schemas:
          A: { type: object }
    `, files: { 'paths.yaml': "a:\n  get:\n    responses:\n      '200':\n        description: ok\n        content: { application/json: { schema: { $ref: 'openapi.yaml#/components/schemas/A' } } }\n" } },
    { name: 'named only by a $ref in an extension (tools read those)', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        schemas:
          Data:
            type: object
            x-anyOf: [{ $ref: '#/components/schemas/Card' }]
          Card: { type: object }
        x-used-by-tooling: { $ref: '#/components/schemas/Data' }
    ` },
  ],
  invalid: [
    {
      name: 'unused schema and parameter',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          schemas:
            Old: { type: object }
          parameters:
            P: { name: p, in: query, schema: { type: string } }
          securitySchemes:
            key: { type: apiKey, name: k, in: header }
      `,
      errors: [
        { messageId: 'unused', pointer: '/components/schemas/Old', line: 6, column: 10 },
        { messageId: 'unused', pointer: '/components/parameters/P' },
      ],
    },
  ],
});
