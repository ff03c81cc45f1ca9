import { defineDetector, operationKey } from '../types.js';

/**
 * Responses that break the contract: an undocumented status, or a JSON body that does not match
 * the documented schema (every error of it, the first ten listed in `evidence.problems`, all
 * counted in `problemCount`). Monitor only (the response has left). Errs on false positives.
 */
export default defineDetector({
  id: 'response-contract',
  description: 'A response does not match its documented operation (status, body schema).',
  severity: 'warning',
  owasp: ['API9:2023'],
  cwe: ['CWE-1068'],
  fix: 'Fix the API, or the description, so they agree.',
  defaultMode: 'monitor',
  enforceable: false,
  needsSpec: true,
  errsOn: 'false-positive',
  thresholds: {},
  create(_options, context) {
    return {
      response(view) {
        if (!view.operation || !context.contract) return undefined;
        const body = view.exchange.response?.body;
        const problems = context.contract.validateResponse(view.operation, view.status, { mediaType: body?.mediaType ?? '', value: view.responseJson, bytes: body?.size ?? body?.text?.length });
        if (problems.total === 0) return undefined;
        const operation = operationKey(view);
        const [first] = problems.messages;
        return {
          message: `${operation} → ${view.status}: ${first}${problems.total > 1 ? ` (+${problems.total - 1} more)` : ''}`,
          key: `${operation} ${view.status} ${first}`,
          evidence: { problems: problems.messages, problemCount: problems.total, status: view.status },
        };
      },
    };
  },
});
