import { defineDetector, operationKey } from '../types.js';

/**
 * Requests that break the contract: a required query parameter or header missing, an undocumented
 * media type, a JSON body that does not match its schema (compiled once; every error of it, the
 * first ten listed in `evidence.problems`, all counted in `problemCount`). Messages carry schema
 * pointers and keywords, never values. Monitor only: bodies are streamed to the upstream as they
 * arrive, so they are validated once they have passed. Errs on false positives (a reviewer decides).
 */
export default defineDetector({
  id: 'request-contract',
  description: 'A request does not match its documented operation (parameters, media type, body schema).',
  severity: 'warning',
  owasp: ['API8:2023'],
  cwe: ['CWE-20'],
  fix: 'Fix the client, or document what it sends; validate input in the API.',
  defaultMode: 'monitor',
  enforceable: false,
  needsSpec: true,
  errsOn: 'false-positive',
  thresholds: {},
  create(_options, context) {
    return {
      response(view) {
        if (!view.operation || !context.contract) return undefined;
        const body = view.exchange.request.body;
        const problems = context.contract.validateRequest(view.operation, view.url, view.headers, {
          mediaType: body?.mediaType ?? '',
          value: view.requestJson,
          present: Boolean(body && ((body.size ?? 0) > 0 || body.text)),
          bytes: body?.size ?? body?.text?.length,
        });
        if (problems.total === 0) return undefined;
        const operation = operationKey(view);
        const [first] = problems.messages;
        return {
          message: `${operation}: ${first}${problems.total > 1 ? ` (+${problems.total - 1} more)` : ''}`,
          key: `${operation} ${first}`,
          evidence: { problems: problems.messages, problemCount: problems.total, status: view.status },
        };
      },
    };
  },
});
