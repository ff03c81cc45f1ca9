import { defineRule } from '../../rule.js';
import { endsInReadAction } from './support/names.js';
import { hasKeyIgnoringCase, isObject, operationSite, parametersOf, pathItemOf, responsesOf, words } from './support/api.js';

/** Words that name flows attackers automate: buying, moving money, creating accounts, resetting credentials, posting content. */
const SENSITIVE_FLOW = new Set([
  'purchase', 'purchases', 'checkout', 'checkouts', 'buy', 'order', 'orders', 'payment', 'payments', 'pay', 'transfer', 'transfers', 'payout', 'payouts', 'withdraw', 'withdrawal', 'withdrawals',
  'signup', 'register', 'registration', 'registrations', 'reset', 'forgot', 'otp', 'verify', 'redeem', 'coupon', 'coupons', 'voucher', 'vouchers', 'giftcard', 'reservation', 'reservations', 'booking', 'bookings', 'refund', 'refunds', 'invite', 'invites', 'invitations',
]);
/** Path words that mark test or sandbox endpoints. */
const NON_PRODUCTION = new Set(['sandbox', 'test', 'tests', 'testing', 'simulate', 'simulation', 'simulations', 'mock', 'mocks']);
/** Signals that the flow is protected against automation: captcha/bot headers or params, idempotency keys, documented throttling. */
const ANTI_AUTOMATION = /(captcha|recaptcha|hcaptcha|turnstile|proof[-_]?of[-_]?work|device[-_]?fingerprint|bot[-_]?score|idempotency[-_]?key|x-request-signature)/i;
const RATE_LIMIT_HEADERS = ['RateLimit', 'RateLimit-Limit', 'X-RateLimit-Limit', 'X-Rate-Limit-Limit'];
const THROTTLE_EXTENSIONS = ['x-rate-limit', 'x-ratelimit', 'x-throttling', 'x-throttle', 'x-rate-limits', 'x-anti-automation'];

export default defineRule({
  id: 'owasp-api6-sensitive-business-flow',
  meta: {
    description: 'Sensitive business flows (purchase, transfer, signup, password reset, redeem, booking…) should show anti-automation: 429 or rate-limit headers, a captcha/bot/idempotency input, or a throttling extension.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API6:2023'],
    cwe: ['CWE-799'],
    messages: { unprotected: '{{method}} {{path}} looks like a sensitive business flow ({{flow}}) with no anti-automation signal (429/rate-limit headers, captcha or idempotency input, x-rate-limit).' },
    docs: {
      why: 'Unrestricted access to sensitive business flows: bots buy all the stock, create thousands of accounts, brute-force reset codes or drain vouchers, without any technical bug.',
      fix: 'Throttle the flow per user/device and document it: a 429 response with rate-limit headers, a captcha or device-attestation input, an Idempotency-Key header, or an `x-rate-limit` extension describing the policy.',
      bad: 'paths:\n  /checkout:\n    post:\n      responses: { "201": { description: Created } }',
      good: 'paths:\n  /checkout:\n    post:\n      parameters:\n        - { name: Idempotency-Key, in: header, required: true, schema: { type: string, maxLength: 64 } }\n      responses:\n        "201": { description: Created }\n        "429": { description: Too many requests }',
    },
  },
  create() {
    // Operations share path segments (`/v1`, `/namespaces`): split each distinct one into words once.
    const segmentWords = new Map<string, string[]>();
    const wordsOfSegment = (segment: string) => {
      let terms = segmentWords.get(segment);
      if (!terms) segmentWords.set(segment, (terms = words(segment)));
      return terms;
    };
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind !== 'path' || !['post', 'put', 'patch'].includes(site.method) || !isObject(node)) return;
        const segments = site.path.split('/').filter((segment) => segment !== '' && !segment.startsWith('{'));
        const pathTerms = segments.flatMap(wordsOfSegment);
        // Test and sandbox endpoints (Stripe's /test_helpers, Plaid's /sandbox) move no real money or accounts.
        if (pathTerms.some((term) => NON_PRODUCTION.has(term))) return;
        // RPC-style reads sent as POST (Plaid's /transfer/event/list) are queries, not the flow itself.
        if (endsInReadAction(site.path)) return;
        const terms = [...pathTerms, ...(typeof node.operationId === 'string' ? words(node.operationId) : [])];
        const flow = terms.find((term) => SENSITIVE_FLOW.has(term));
        if (!flow) return;
        if (THROTTLE_EXTENSIONS.some((key) => node[key] !== undefined)) return;
        const responses = responsesOf(ctx.document, node, ctx.location);
        if (responses.has('429')) return;
        for (const [, response] of responses) {
          const headers = ctx.resolve(response.node.headers, response.location).node;
          if (RATE_LIMIT_HEADERS.some((name) => hasKeyIgnoringCase(headers, name))) return;
        }
        if (parametersOf(ctx.document, node, ctx.location, pathItemOf(ctx)).some((parameter) => ANTI_AUTOMATION.test(String(parameter.node.name ?? '')))) return;
        ctx.report({ messageId: 'unprotected', data: { method: site.method.toUpperCase(), path: site.path, flow }, location: ctx.location.key() });
      },
    };
  },
});
