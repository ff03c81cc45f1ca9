import rule from '../owasp-api6-sensitive-business-flow.js';
import { yaml } from '../../../../testing/dedent.js';
import { runRuleTests } from '../../../../testing/rule-tester.js';

runRuleTests(rule, {
  valid: [
    { name: 'checkout with 429, transfer with idempotency key, search not sensitive', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /checkout:
          post:
            responses: { '429': { description: slow } }
        /transfers:
          post:
            parameters:
              - { name: Idempotency-Key, in: header, schema: { type: string } }
            responses: {}
        /search:
          post: { responses: {} }
    ` },
    { name: 'sandbox and test-helper endpoints; RPC-style reads sent as POST (Plaid, Stripe)', spec: yaml`
      openapi: 3.0.3
      info: { title: t, version: '1' }
      paths:
        /sandbox/payment/simulate:
          post: { responses: {} }
        /v1/test_helpers/treasury/outbound_payments/{id}/post:
          post: { responses: {} }
        /transfer/event/list:
          post: { responses: {} }
        /payment_initiation/payment/get:
          post: { responses: {} }
    ` },
  ],
  invalid: [
    {
      name: 'password reset and signup without signals',
      spec: yaml`
        openapi: 3.0.3
        info: { title: t, version: '1' }
        paths:
          /password/reset:
            post: { responses: { '204': { description: ok } } }
          /accounts:
            post: { operationId: signupAccount, responses: {} }
          /payment/create:
            post: { responses: {} }
      `,
      errors: [
        { messageId: 'unprotected', pointer: '/paths/~1password~1reset/post', message: 'POST /password/reset looks like a sensitive business flow (reset) with no anti-automation signal (429/rate-limit headers, captcha or idempotency input, x-rate-limit).' },
        { messageId: 'unprotected', pointer: '/paths/~1accounts/post' },
        { messageId: 'unprotected', pointer: '/paths/~1payment~1create/post' },
      ],
    },
  ],
});
