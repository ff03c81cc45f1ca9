import rule from '../oas2-operation-security-defined.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'defined scheme and scope', spec: yaml`
      swagger: '2.0'
      info: { title: t, version: '1' }
      securityDefinitions:
        oauth: { type: oauth2, flow: implicit, authorizationUrl: 'https://a.example', scopes: { read: r } }
      security: [{ oauth: [read] }]
      paths: {}
    ` },
  ],
  invalid: [
    {
      name: 'undefined scheme and scope',
      spec: yaml`
        swagger: '2.0'
        info: { title: t, version: '1' }
        securityDefinitions:
          oauth: { type: oauth2, flow: implicit, authorizationUrl: 'https://a.example', scopes: { read: r } }
        security:
          - oauth: [write]
        paths:
          /a:
            get:
              security: [{ key: [] }]
              responses: {}
      `,
      errors: [
        { messageId: 'undefinedScope', pointer: '/security/0/oauth/0', line: 6, column: 13, message: '"write" must be listed among scopes.' },
        { messageId: 'undefinedScheme', pointer: '/paths/~1a/get/security/0/key', message: 'Operation "security" values must match a scheme defined in the "securityDefinitions" object.' },
      ],
    },
  ],
});
