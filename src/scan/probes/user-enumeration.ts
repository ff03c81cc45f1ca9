import { randomBytes } from 'node:crypto';
import type { Operation } from '../../spec/api.js';
import type { ScanContext } from '../context.js';
import type { Session } from '../identities.js';
import { jsonBody, operationKey } from '../operations.js';
import { defineProbe, rule } from '../probe.js';
import type { ScanExchange } from '../types.js';

const rules = {
  enumeration: rule('scan-user-enumeration', 'warning', 'API2:2023', 'CWE-204', 'Login or password-reset answers differ for existing and unknown users.', 'Answer with the same status and message whether or not the account exists.'),
};

export interface Answer {
  status: number;
  body: string;
}

/** The answer with the submitted values taken out, so an echo of the user name is not a difference. */
export function normalise(answer: Answer, submitted: readonly string[]): string {
  let body = answer.body;
  for (const value of submitted) if (value) body = body.split(value).join('<input>');
  return `${answer.status} ${body.replace(/\d{2,}/g, '<n>').replace(/[0-9a-f]{16,}/gi, '<hex>')}`;
}

/** Enumeration needs each group to answer the same way every time and the two groups to differ. */
export function enumerationVerdict(known: readonly string[], unknown: readonly string[]): boolean {
  if (known.length < 2 || unknown.length < 2) return false;
  const stable = (group: readonly string[]) => group.every((item) => item === group[0]);
  return stable(known) && stable(unknown) && known[0] !== unknown[0];
}

export default defineProbe({
  id: 'user-enumeration',
  description: 'Sends a wrong password for a known and for an unknown user (twice each) to login, and a reset request for a known and an unknown address.',
  falsePositivePolicy: 'Answers are compared after removing the submitted values and numbers; a group that answers inconsistently (jitter, rate limiting) is not judged. Timing is not used.',
  rules,
  async run(context: ScanContext) {
    const session = context.sessions.find((candidate) => candidate.config.login?.json && candidate.username);
    if (!session) {
      context.skip('user-enumeration', 'no identity logs in with a JSON body holding a user name');
      return;
    }
    const login = session.config.login!;
    const operation = context.api.operations.find((candidate) => candidate.path === login.path && candidate.method === login.method.toLowerCase());
    const body = login.json as Record<string, unknown>;
    const userKey = Object.keys(body).find((key) => body[key] === session.username)!;
    const passwordKey = Object.keys(body).find((key) => /pass/i.test(key));
    if (!passwordKey) {
      context.skip('user-enumeration', 'the login body has no password field');
      return;
    }
    const wrong = `rampart-wrong-${randomBytes(4).toString('hex')}`;
    const stranger = `rampart-nobody-${randomBytes(4).toString('hex')}`;
    await compare(context, operation, login.method, login.path, session, { ...body, [passwordKey]: wrong }, { ...body, [userKey]: stranger, [passwordKey]: wrong }, [wrong, stranger, session.username!], 'login');

    const reset = context.api.operations.find((candidate) => candidate.method === 'post' && /reset|forgot|recover/i.test(candidate.path) && jsonBody(candidate)?.schema?.properties.has('email'));
    const email = knownEmail(context, session);
    if (reset && email) {
      const strangerEmail = `rampart-nobody-${randomBytes(4).toString('hex')}@example.com`;
      await compare(context, reset, 'POST', reset.path, null, { email }, { email: strangerEmail }, [email, strangerEmail], 'password reset');
    } else if (reset) context.skip('user-enumeration', 'password reset not checked: no known user e-mail address was seen', reset);
  },
});

async function compare(context: ScanContext, operation: Operation | undefined, method: string, path: string, session: Session | null, knownBody: unknown, unknownBody: unknown, submitted: string[], what: string): Promise<void> {
  const known: ScanExchange[] = [];
  const unknown: ScanExchange[] = [];
  for (let round = 0; round < 2; round++) {
    for (const [body, list] of [[knownBody, known], [unknownBody, unknown]] as const) {
      const exchange = await context.send(operation, { body }, { identity: null, probe: 'user-enumeration', attack: true, method }, operation ? undefined : path);
      if (exchange?.response) list.push(exchange);
    }
  }
  const key = (exchange: ScanExchange) => normalise({ status: exchange.response!.status, body: exchange.response!.body }, submitted);
  if (enumerationVerdict(known.map(key), unknown.map(key))) {
    const location = operation ? { operation } : { method, path };
    context.report(rules.enumeration, location, `${operation ? operationKey(operation) : `${method} ${path}`} (${what}) answers differently for an existing user${session ? ` (${session.name})` : ''} and an unknown one (${known[0]!.response!.status} vs ${unknown[0]!.response!.status}).`, [
      { label: 'existing user', exchange: known[0]! },
      { label: 'unknown user', exchange: unknown[0]! },
    ]);
  }
}

function knownEmail(context: ScanContext, session: Session): string | undefined {
  for (const exchange of context.transport.exchanges) {
    if (exchange.identity !== session.name || exchange.attack) continue;
    const json = exchange.response?.json as Record<string, unknown> | undefined;
    if (json && !Array.isArray(json) && typeof json.email === 'string' && /\/(me|self|current|profile)\b/.test(exchange.request.url)) return json.email;
  }
  return undefined;
}
