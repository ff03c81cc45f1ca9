import type { Operation, Response } from '../../spec/api.js';
import type { ScanContext } from '../context.js';
import { operationKey } from '../operations.js';
import { defineProbe, rule } from '../probe.js';
import { validate } from '../schema.js';
import type { ScanExchange } from '../types.js';

const rules = {
  status: rule('scan-undocumented-status', 'warning', 'API9:2023', 'CWE-1068', 'The API answered with a status code its description does not list.', 'Document every status the operation returns (or a `default` response), or stop returning it.'),
  contentType: rule('scan-undocumented-content-type', 'warning', 'API9:2023', 'CWE-1068', 'The API answered with a content type its description does not list for that status.', 'Document the media type, or return the documented one.'),
  schema: rule('scan-response-schema-violation', 'error', 'API9:2023', 'CWE-1068', 'A response body does not match the documented schema.', 'Fix the response (or the schema) so clients generated from the description can read it.'),
};

/** The documented response for a status: exact, then `4XX`-style ranges, then `default`. */
export function documentedResponse(operation: Operation, status: number): Response | undefined {
  // The Api model upper-cases status keys (`4XX`, `DEFAULT`); accept both spellings.
  const get = (key: string) => operation.responses.get(key) ?? operation.responses.get(key.toLowerCase());
  return get(String(status)) ?? get(`${String(status)[0]}XX`) ?? get('DEFAULT');
}

export interface Conformance {
  rule: 'status' | 'contentType' | 'schema';
  message: string;
}

/** What is wrong with one response against its operation's description (empty when it conforms). */
export function conformanceProblems(operation: Operation, status: number, contentType: string | undefined, body: string, json: unknown): Conformance[] {
  if (operation.responses.size === 0) return [];
  const documented = documentedResponse(operation, status);
  if (!documented) return [{ rule: 'status', message: `${operationKey(operation)} answered ${status}, which is not documented (documented: ${[...operation.responses.keys()].join(', ')})` }];
  if (documented.content.size === 0 || body === '' || status === 204 || status === 304) return [];
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const media = [...documented.content.values()].find((candidate) => mediaMatches(candidate.mediaType, mediaType));
  if (!media) return [{ rule: 'contentType', message: `${operationKey(operation)} answered ${status} with ${mediaType || 'no content type'}; documented: ${[...documented.content.keys()].join(', ')}` }];
  if (!media.schema || json === undefined || !/json/.test(mediaType)) return [];
  const errors = validate(media.schema, 'response', json);
  if (!errors || errors.length === 0) return [];
  return [{ rule: 'schema', message: `${operationKey(operation)} ${status} body does not match its schema: ${errors.join('; ')}` }];
}

function mediaMatches(documented: string, actual: string): boolean {
  const pattern = documented.split(';')[0]!.trim().toLowerCase();
  if (pattern === '*/*' || pattern === actual) return true;
  if (pattern.endsWith('/*')) return actual.startsWith(pattern.slice(0, -1));
  return false;
}

export default defineProbe({
  id: 'conformance',
  description: 'Checks every response the scan received against the description: documented status, documented content type, and the body against its schema (Ajv).',
  falsePositivePolicy: 'Responses to requests the scanner made deliberately malformed are checked like any other (errors must be documented too), but transport failures and empty bodies are not judged. One finding per operation and rule.',
  passive: true,
  rules,
  async run(context: ScanContext) {
    const first = new Map<string, { problem: Conformance; exchange: ScanExchange; count: number }>();
    for (const exchange of context.transport.exchanges) {
      const operation = exchange.operation;
      const response = exchange.response;
      if (!operation || !response) continue;
      for (const problem of conformanceProblems(operation, response.status, response.headers['content-type'], response.body, response.json)) {
        const key = `${problem.rule} ${operationKey(operation)}`;
        const seen = first.get(key);
        if (seen) seen.count++;
        else first.set(key, { problem, exchange, count: 1 });
      }
    }
    for (const { problem, exchange, count } of first.values()) {
      context.report(rules[problem.rule], { operation: exchange.operation }, `${problem.message}${count > 1 ? ` (${count} responses)` : ''}.`, [{ label: 'response', exchange }]);
    }
  },
});
