import { defineRule } from '../../rule.js';
import { hasKeyIgnoringCase, isObject, operationSite, responsesOf } from './support/api.js';

/** Header sets that announce a rate limit: IETF draft (combined or split) and the common X- forms. */
const RATE_LIMIT_HEADERS: readonly (readonly string[])[] = [['RateLimit'], ['RateLimit-Limit', 'RateLimit-Reset'], ['X-RateLimit-Limit'], ['X-Rate-Limit-Limit']];

export default defineRule({
  id: 'owasp-api4-rate-limit',
  meta: {
    description: 'Success (2xx) and client-error (4xx) responses should declare rate-limit headers.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API4:2023'],
    cwe: ['CWE-770'],
    messages: { noHeaders: 'Response {{code}} of {{method}} {{path}} declares no rate-limit headers (RateLimit, RateLimit-Limit + RateLimit-Reset, X-RateLimit-Limit).' },
    docs: {
      why: 'Without rate limiting an attacker can overload the API or brute-force it; documenting the headers shows a limit exists and lets clients back off.',
      fix: 'Enforce a rate limit and declare its headers (IETF `RateLimit`/`RateLimit-Policy`, or `X-RateLimit-Limit`) on 2xx and 4xx responses.',
      bad: 'responses:\n  "200": { description: OK }',
      good: 'responses:\n  "200":\n    description: OK\n    headers:\n      RateLimit: { schema: { type: string } }',
    },
  },
  create() {
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind !== 'path' || !isObject(node)) return;
        for (const [code, response] of responsesOf(ctx.document, node, ctx.location)) {
          if (!/^[24]/.test(code)) continue;
          const headers = ctx.resolve(response.node.headers, response.location).node;
          if (RATE_LIMIT_HEADERS.some((set) => set.every((name) => hasKeyIgnoringCase(headers, name)))) continue;
          ctx.report({ messageId: 'noHeaders', data: { code, method: site.method.toUpperCase(), path: site.path }, location: response.location });
        }
      },
    };
  },
});
