import rule from '../owasp-api10-unconstrained-outbound-url.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'constrained webhook url; typed callback body', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /subscriptions:
          post:
            requestBody:
              content:
                application/json:
                  schema:
                    properties:
                      webhook_url: { type: string, format: uri, pattern: '^https://' }
                      homepage_url: { type: string }
            callbacks:
              event:
                '{$request.body#/webhook_url}':
                  post:
                    requestBody:
                      content:
                        application/json:
                          schema: { type: object }
                    responses: {}
            responses: {}
    ` },
  ],
  invalid: [
    {
      name: 'unconstrained callback and redirect urls, untyped webhook body',
      spec: yaml`
        openapi: 3.1.0
        info: { title: t, version: '1' }
        paths:
          /subscriptions:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      properties:
                        callbackUrl: { type: string, format: uri }
                        settings: { properties: { redirect_uri: { type: string } } }
              responses: {}
        webhooks:
          orderPaid:
            post:
              requestBody:
                content:
                  application/json: {}
              responses: {}
      `,
      errors: [
        { messageId: 'untypedCallback', pointer: '/webhooks/orderPaid/post/requestBody', message: 'Webhook POST orderPaid exchanges a body without a schema; validate what is sent and received.' },
        { messageId: 'unconstrainedUrl', pointer: '/paths/~1subscriptions/post/requestBody/content/application~1json/schema/properties/callbackUrl', message: 'Request property "callbackUrl" is a URL the server will call or redirect to, with no pattern or enum; restrict schemes and hosts.' },
        { messageId: 'unconstrainedUrl', pointer: '/paths/~1subscriptions/post/requestBody/content/application~1json/schema/properties/settings/properties/redirect_uri' },
      ],
    },
  ],
});
