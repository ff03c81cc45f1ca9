import { defineRule } from '../../rule.js';
import { hasKeyIgnoringCase, isObject, operationSite, responsesOf, type Located } from './support/api.js';

/** Header sets that announce a rate limit: IETF draft (combined or split) and the common X- forms. */
const RATE_LIMIT_HEADERS: readonly (readonly string[])[] = [['RateLimit'], ['RateLimit-Limit', 'RateLimit-Reset'], ['X-RateLimit-Limit'], ['X-Rate-Limit-Limit']];

export default defineRule({
  id: 'owasp-api4-rate-limit',
  meta: {
    description: 'Success (2xx) and client-error (4xx) responses should declare rate-limit headers (one finding per operation, and one per shared response).',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API4:2023'],
    cwe: ['CWE-770'],
    messages: {
      noHeaders: '{{method}} {{path}} declares no rate-limit headers (RateLimit, RateLimit-Limit + RateLimit-Reset, X-RateLimit-Limit) on {{responses}}.',
      sharedNoHeaders: 'Shared response declares no rate-limit headers (RateLimit, RateLimit-Limit + RateLimit-Reset, X-RateLimit-Limit); every operation that uses it inherits the gap.',
    },
    docs: {
      why: 'Without rate limiting an attacker can overload the API or brute-force it; documenting the headers shows a limit exists and lets clients back off.',
      fix: 'Enforce a rate limit and declare its headers (IETF `RateLimit`/`RateLimit-Policy`, or `X-RateLimit-Limit`) on 2xx and 4xx responses.',
      bad: 'responses:\n  "200": { description: OK }',
      good: 'responses:\n  "200":\n    description: OK\n    headers:\n      RateLimit: { schema: { type: string } }',
    },
  },
  create() {
    // One finding per root cause: per operation for its own responses, once per shared response.
    const sharedReported = new Set<object>();
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind !== 'path' || !isObject(node)) return;
        const own: string[] = [];
        const shared: Located[] = [];
        for (const [code, response] of responsesOf(ctx.document, node, ctx.location)) {
          if (!/^[24]/.test(code)) continue;
          const headers = ctx.resolve(response.node.headers, response.location).node;
          if (RATE_LIMIT_HEADERS.some((set) => set.every((name) => hasKeyIgnoringCase(headers, name)))) continue;
          const inline = response.location.source === ctx.location.source && response.location.pointer.startsWith(`${ctx.location.pointer}/`);
          if (inline) own.push(code);
          else if (!sharedReported.has(response.node)) {
            sharedReported.add(response.node);
            shared.push(response);
          }
        }
        if (own.length > 0) {
          const responses = own.length === 1 ? `response ${own[0]}` : `responses ${own.join(', ')}`;
          ctx.report({ messageId: 'noHeaders', data: { method: site.method.toUpperCase(), path: site.path, responses }, location: ctx.location.child('responses') });
        }
        for (const response of shared) ctx.report({ messageId: 'sharedNoHeaders', location: response.location });
      },
    };
  },
});
