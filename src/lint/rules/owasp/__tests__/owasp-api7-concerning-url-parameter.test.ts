import rule from '../owasp-api7-concerning-url-parameter.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'ordinary parameters', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /a:
          get:
            parameters:
              - { name: curl_version, in: query, schema: { type: string } }
              - { name: name, in: query, schema: { type: string } }
            responses: {}
    ` },
  ],
  invalid: [
    {
      name: 'url-named and uri-formatted parameters',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              parameters:
                - { name: redirect, in: query, schema: { type: string } }
                - { name: imageUrl, in: query, schema: { type: string } }
                - { name: source, in: query, schema: { type: string, format: uri } }
              responses: {}
      `,
      errors: [
        { messageId: 'urlParameter', pointer: '/paths/~1a/get/parameters/0/name', message: 'Parameter "redirect" takes a URL; make sure the server validates it against an allow-list (SSRF).' },
        { messageId: 'urlParameter', pointer: '/paths/~1a/get/parameters/1/name' },
        { messageId: 'urlParameter', pointer: '/paths/~1a/get/parameters/2/name' },
      ],
    },
  ],
});
