import rule from '../path-params.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'declared at path level', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /orders/{id}:
          parameters:
            - { name: id, in: path, required: true, schema: { type: string } }
          get: { responses: {} }
    ` },
    { name: 'declared through a $ref on the operation', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /orders/{id}:
          get:
            parameters: [{ $ref: '#/components/parameters/Id' }]
            responses: {}
      components:
        parameters:
          Id: { name: id, in: path, required: true, schema: { type: string } }
    ` },
  ],
  invalid: [
    {
      name: 'undeclared and unused parameters',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /orders/{orderId}:
            get:
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
              responses: {}
      `,
      errors: [
        { messageId: 'unused', pointer: '/paths/~1orders~1{orderId}/get/parameters/0', line: 7, column: 11, message: 'Parameter "id" must be used in path "/orders/{orderId}".' },
        { messageId: 'undefinedParam', pointer: '/paths/~1orders~1{orderId}/get', message: 'Operation must define parameter "{orderId}" as expected by path "/orders/{orderId}".' },
      ],
    },
    {
      name: 'not required, duplicated, repeated and equivalent',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /a/{x}:
            parameters:
              - { name: x, in: path, type: string }
              - { name: x, in: path, required: true, type: string }
            get: { responses: {} }
          /a/{y}/{y}:
            get:
              parameters: [{ name: y, in: path, required: true, type: string }]
              responses: {}
          /a/{z}:
            get:
              parameters: [{ name: z, in: path, required: true, type: string }]
              responses: {}
      `,
      errors: [
        { messageId: 'notRequired', pointer: '/paths/~1a~1{x}/parameters/0' },
        { messageId: 'duplicate', pointer: '/paths/~1a~1{x}/parameters/1' },
        { messageId: 'repeated', pointer: '/paths/~1a~1{y}~1{y}', message: 'Path "/a/{y}/{y}" must not use parameter "{y}" multiple times.' },
        { messageId: 'equivalent', pointer: '/paths/~1a~1{z}', message: 'Paths "/a/{x}" and "/a/{z}" must not be equivalent.' },
      ],
    },
  ],
});
