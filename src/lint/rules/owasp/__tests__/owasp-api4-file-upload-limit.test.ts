import rule from '../owasp-api4-file-upload-limit.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'bounded multipart and binary bodies', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /files:
          post:
            requestBody:
              content:
                multipart/form-data:
                  schema:
                    properties:
                      file: { type: string, format: binary, maxLength: 1048576 }
                application/octet-stream:
                  schema: { type: string, format: binary, maxLength: 1048576 }
            responses: {}
    ` },
  ],
  invalid: [
    {
      name: 'unbounded multipart file and raw image body',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /files:
            post:
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      properties:
                        file: { type: string, format: binary }
                  image/png: {}
              responses: {}
      `,
      errors: [
        { messageId: 'noLimit', pointer: '/paths/~1files/post/requestBody/content/multipart~1form-data/schema/properties/file', message: 'POST /files accepts a file (property "file") without a size limit (maxLength).' },
        { messageId: 'noLimit', pointer: '/paths/~1files/post/requestBody/content/image~1png' },
      ],
    },
    {
      name: 'swagger 2.0 file parameter',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        paths:
          /files:
            post:
              consumes: [multipart/form-data]
              parameters:
                - { name: upload, in: formData, type: file }
              responses: {}
      `,
      errors: [{ messageId: 'oas2File', pointer: '/paths/~1files/post/parameters/0' }],
    },
  ],
});
