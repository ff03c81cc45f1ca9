import rule from '../oas3-schema.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'minimal 3.0', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            parameters: [{ $ref: '#/components/parameters/P' }]
            responses: { '200': { description: ok } }
      components:
        parameters:
          P: { name: p, in: query, schema: { type: string } }
    ` },
    { name: 'minimal 3.1 with webhooks only', spec: yaml`
      openapi: 3.1.0
      info: { title: t, version: '1' }
      webhooks:
        created: { post: { responses: { '200': { description: ok } } } }
    ` },
    { name: 'operation written as a $ref to another file is accepted', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get: { $ref: 'get-a.yaml' }
    `, files: { 'get-a.yaml': "responses:\n  '200': { description: ok }\n" } },
  ],
  invalid: [
    {
      name: 'missing, unexpected and misspelt',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1', colour: red }
        paths:
          /a:
            get:
              parameters:
                - { name: q, in: qeury, schema: { type: string } }
              responses:
                '200':
                  content: { application/json: { schema: { type: strnig } } }
      `,
      errors: [
        { messageId: 'invalid', pointer: '/info/colour', line: 2, column: 33, message: 'Property "colour" is not expected here.' },
        { messageId: 'invalid', pointer: '/paths/~1a/get/parameters/0/in', message: '"in" property must be one of "path", "query", "header", "cookie". Did you mean "query"?' },
        { messageId: 'invalid', pointer: '/paths/~1a/get/responses/200', message: '"description" property is required.' },
        { messageId: 'invalid', pointer: '/paths/~1a/get/responses/200/content/application~1json/schema/type', message: '"type" property must be one of "array", "boolean", "integer", "number", "object", "string". Did you mean "string"?' },
      ],
    },
    {
      name: 'parameter with neither schema nor content, path parameter not required',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a/{id}:
            get:
              parameters:
                - { name: id, in: path }
              responses: { '200': { description: ok } }
      `,
      errors: [
        { messageId: 'invalid', pointer: '/paths/~1a~1{id}/get/parameters/0', message: 'Item at index 0 must have either "schema" or "content".' },
        { messageId: 'invalid', pointer: '/paths/~1a~1{id}/get/parameters/0', message: '"required" property is required.' },
      ],
    },
    {
      name: 'error inside a $ref\'d file points into that file',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get: { $ref: 'get-a.yaml' }
      `,
      files: { 'get-a.yaml': "summary: s\nresponse: {}\n" },
      errors: [
        { messageId: 'invalid', pointer: '', file: 'get-a.yaml', message: '"responses" property is required.' },
        { messageId: 'invalid', pointer: '/response', file: 'get-a.yaml', line: 2, column: 1, message: 'Property "response" is not expected here.' },
      ],
    },
    {
      name: '3.1 security scheme of unknown type',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        paths: {}
        components:
          securitySchemes:
            k: { type: token }
      `,
      errors: [{ messageId: 'invalid', pointer: '/components/securitySchemes/k/type', message: '"type" property must be one of "apiKey", "http", "mutualTLS", "oauth2", "openIdConnect". Did you mean "apiKey"?' }],
    },
  ],
});
