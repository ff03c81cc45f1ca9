import type { ScanContext } from '../context.js';
import { isCreate, jsonBody, operationKey } from '../operations.js';
import { defineProbe, rule } from '../probe.js';
import { SQL_ERRORS } from './injection.js';

const rules = {
  verbose: rule('scan-verbose-error', 'error', 'API8:2023', 'CWE-209', 'Error responses reveal stack traces, SQL errors or framework debug output.', 'Log details on the server; answer with a generic message and a correlation id.'),
};

/** Signatures of internals leaking into a response; each names what it shows. */
export const ERROR_SIGNATURES: readonly { name: string; pattern: RegExp }[] = [
  { name: 'Node.js stack trace', pattern: /\n\s+at [\w$.<>\s[\]]+\(?(?:file:\/\/|\/|[A-Z]:\\|node:)[^)\n]*:\d+:\d+\)?/ },
  { name: 'Python traceback', pattern: /Traceback \(most recent call last\)/ },
  { name: 'Java stack trace', pattern: /(?:Exception|Error)(?::[^\n]*)?\n\s+at [\w$.]+\([\w$]+\.java:\d+\)/ },
  { name: '.NET stack trace', pattern: /at [\w.]+\(.*\) in .+:line \d+/ },
  { name: 'PHP error', pattern: /(?:Fatal error|Warning|Parse error)<\/b>:|on line <b>\d+<\/b>/ },
  { name: 'SQL error', pattern: SQL_ERRORS },
  { name: 'framework debug page', pattern: /Werkzeug Debugger|Whitelabel Error Page|<title>Action Controller: Exception caught|DisallowedHost at|Django Version:|Laravel\b.*\bException/ },
];

/** The signatures found in a response body (empty when it reveals nothing). */
export function leakedInternals(body: string): string[] {
  // A stack trace inside a JSON string has its newlines escaped: test the decoded strings too.
  let decoded = '';
  try {
    decoded = stringsOf(JSON.parse(body) as unknown).join('\n');
  } catch {
    decoded = '';
  }
  return ERROR_SIGNATURES.filter((signature) => signature.pattern.test(body) || (decoded !== '' && signature.pattern.test(decoded))).map((signature) => signature.name);
}

function stringsOf(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 6 || value === null || typeof value !== 'object') return [];
  return Object.values(value as Record<string, unknown>).flatMap((item) => stringsOf(item, depth + 1));
}

/** Text that is not JSON, in a JSON request: parsers that throw into a debug handler show themselves here. */
const MALFORMED = '{"rampart": "unterminated';
const MAX_ACTIVE = 3;

export default defineProbe({
  id: 'verbose-errors',
  description: 'Sends malformed JSON to a few operations that take JSON, then reads every response of the scan (except injection payloads) for stack traces, SQL errors and debug pages.',
  falsePositivePolicy: 'Only specific signatures count (a file:line:column stack frame, a named SQL error); a plain 500 with a generic message is left to the input-validation probe. Responses to injection payloads belong to the injection probe.',
  rules,
  async run(context: ScanContext) {
    const user = context.users()[0] ?? context.admin() ?? null;
    const targets = context.api.operations.filter((operation) => jsonBody(operation) && (isCreate(operation) || operation.method === 'post') && !context.isAdmin(operation)).slice(0, MAX_ACTIVE);
    for (const operation of targets) {
      const example = context.exampleInput(operation, user);
      if (!example || !context.mayWrite(operation, example.created)) continue;
      await context.send(operation, { ...example.input, body: undefined, rawBody: MALFORMED }, { identity: user, probe: 'verbose-errors', scanCreated: example.created });
    }
    for (const exchange of context.transport.exchanges) {
      const response = exchange.response;
      if (!response || exchange.probe === 'injection' || response.status < 400) continue;
      const leaks = leakedInternals(response.body);
      if (leaks.length === 0) continue;
      const where = exchange.operation ? { operation: exchange.operation } : { method: exchange.request.method, path: new URL(exchange.request.url).pathname };
      context.report(rules.verbose, where, `${exchange.operation ? operationKey(exchange.operation) : `${where.method} ${where.path}`} answered ${response.status} with a ${leaks.join(' and ')}.`, [{ label: 'response', exchange }], { signatures: leaks });
    }
  },
});
