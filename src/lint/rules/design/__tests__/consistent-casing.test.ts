import rule from '../consistent-casing.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'consistent snake_case with one-word names', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /user-accounts/{account_id}:
          get:
            parameters:
              - { name: account_id, in: path, required: true, schema: { type: string } }
              - { name: page_size, in: query, schema: { type: integer } }
              - { name: expand, in: query, schema: { type: string } }
            responses: {}
      components:
        schemas:
          A:
            properties:
              first_name: { type: string }
              last_name: { type: string }
              email_address: { type: string }
              id: { type: string }
    ` },
    { name: 'no dominant style (tie)', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths: {}
      components:
        schemas:
          A:
            properties:
              firstName: { type: string }
              last_name: { type: string }
              emailAddress: { type: string }
              phone_number: { type: string }
    ` },
  ],
  invalid: [
    {
      name: 'camelCase outlier among snake_case properties',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths: {}
        components:
          schemas:
            A:
              properties:
                first_name: { type: string }
                last_name: { type: string }
                emailAddress: { type: string }
      `,
      errors: [{ messageId: 'property', pointer: '/components/schemas/A/properties/emailAddress', line: 10, column: 9, message: 'Property "emailAddress" is camelCase, but most properties in this document are snake_case.' }],
    },
    {
      name: 'path segment and parameter outliers',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /user-accounts/{id}/payment-methods: {}
          /credit-notes: {}
          /billingAddresses:
            get:
              parameters:
                - { name: pageSize, in: query, schema: { type: integer } }
                - { name: sortOrder, in: query, schema: { type: string } }
                - { name: created_after, in: query, schema: { type: string } }
              responses: {}
      `,
      errors: [
        { messageId: 'path', pointer: '/paths/~1billingAddresses' },
        { messageId: 'parameter', pointer: '/paths/~1billingAddresses/get/parameters/2/name' },
      ],
    },
  ],
});
