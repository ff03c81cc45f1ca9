import rule from '../owasp-api3-no-pii-in-url.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'opaque ids and body', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /people/{personId}:
          get:
            parameters:
              - { name: personId, in: path, required: true, schema: { type: string } }
              - { name: ssn, in: header, schema: { type: string } }
            responses: {}
    ` },
  ],
  invalid: [
    {
      name: 'ssn and date of birth in query',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /people:
            get:
              parameters:
                - { name: ssn, in: query, schema: { type: string } }
                - { name: date_of_birth, in: query, schema: { type: string } }
              responses: {}
      `,
      errors: [
        { messageId: 'pii', pointer: '/paths/~1people/get/parameters/0/name', message: 'Parameter "ssn" puts sensitive personal data in the query; URLs are logged, cached and shared in Referer headers.' },
        { messageId: 'pii', pointer: '/paths/~1people/get/parameters/1/name' },
      ],
    },
  ],
});
