import rule from '../owasp-api2-no-credentials-in-url.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'pagination token, credential metadata and header credential', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /items:
          get:
            parameters:
              - { name: page_token, in: query, schema: { type: string } }
              - { name: nextPageToken, in: query, schema: { type: string } }
              - { name: api_key_ids, in: query, schema: { type: array, items: { type: string } } }
              - { name: api_key_uuid, in: query, schema: { type: string, format: uuid } }
              - { name: token_type, in: query, schema: { type: string } }
              - { name: Authorization, in: header, schema: { type: string } }
            responses: {}
    ` },
  ],
  invalid: [
    {
      name: 'token, password and api_key in the URL',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /items/{api_key}:
            get:
              parameters:
                - { name: access_token, in: query, schema: { type: string } }
                - { name: password, in: query, schema: { type: string } }
                - { name: api_key, in: path, required: true, schema: { type: string } }
              responses: {}
      `,
      errors: [
        { messageId: 'credential', pointer: '/paths/~1items~1{api_key}/get/parameters/0/name', message: 'Parameter "access_token" in the query looks like a credential; URLs are logged and cached. Send it in a header or the body.' },
        { messageId: 'credential', pointer: '/paths/~1items~1{api_key}/get/parameters/1/name' },
        { messageId: 'credential', pointer: '/paths/~1items~1{api_key}/get/parameters/2/name' },
      ],
    },
  ],
});
