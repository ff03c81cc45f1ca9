import rule from '../oas2-operation-formData-consume-check.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'multipart form', spec: yaml`
      swagger: '2.0'
      info: { title: t, version: '1' }
      paths:
        /upload:
          post:
            consumes: [multipart/form-data]
            parameters: [{ name: f, in: formData, type: file }]
            responses: { '200': { description: ok } }
    ` },
  ],
  invalid: [
    {
      name: 'json with a form parameter',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /upload:
            post:
              consumes: [application/json]
              parameters:
                - $ref: '#/parameters/File'
              responses: { '200': { description: ok } }
        parameters:
          File: { name: f, in: formData, type: file }
      `,
      errors: [{ messageId: 'consumes', pointer: '/paths/~1upload/post', line: 5, column: 5 }],
    },
  ],
});
