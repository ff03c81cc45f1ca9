import rule from '../owasp-api8-no-http-servers.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'https and wss', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      servers:
        - url: https://api.example.io
        - url: wss://stream.example.io
      paths: {}
    ` },
  ],
  invalid: [
    {
      name: 'http server at root and operation level',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        servers:
          - url: http://api.example.io
        paths:
          /a:
            get:
              servers: [{ url: 'ws://x.io' }]
              responses: {}
      `,
      errors: [
        { messageId: 'httpServer', pointer: '/servers/0/url', message: 'Server URL "http://api.example.io" uses plain http; use https:// or wss://.' },
        { messageId: 'httpServer', pointer: '/paths/~1a/get/servers/0/url' },
      ],
    },
    {
      name: 'swagger 2.0 schemes',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        schemes: [https, http]
        paths: {}
      `,
      errors: [{ messageId: 'httpScheme', pointer: '/schemes/1' }],
    },
  ],
});
