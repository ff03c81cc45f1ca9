import { randomBytes } from 'node:crypto';
import type { Operation } from '../../spec/api.js';
import type { ScanContext } from '../context.js';
import type { Session } from '../identities.js';
import { madeUpUserName, refusedBySchema } from '../made-up-user.js';
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

/**
 * The answer with the submitted values taken out, so an echo of the user name is not a difference,
 * and with request ids, UUIDs and numbers made alike (hex first: replacing its digit runs first
 * would leave a different pattern for every request id, and no verdict at all).
 */
export function normalise(answer: Answer, submitted: readonly string[]): string {
  let body = answer.body;
  for (const value of submitted) if (value) body = body.split(value).join('<input>');
  const alike = body
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/[0-9a-f]{16,}/gi, '<hex>')
    .replace(/\d{2,}/g, '<n>');
  return `${answer.status} ${alike}`;
}

/**
 * The timing statistic. Each side gets `samples` response times, sent interleaved (known, unknown,
 * then unknown, known: ABBA, so warm-up and drift hit both alike). A side's jitter is its
 * interquartile range (robust to a few load spikes). The sides differ when the gap between their
 * medians is at least `minGapMs` and at least `jitterFactor` times the larger jitter; since
 * jitterFactor ≥ 2, their interquartile ranges then do not overlap. A first difference is confirmed
 * by a second, independent batch that must agree in direction; anything else is "no finding".
 */
export const TIMING = { samples: 10, batches: 2, minGapMs: 20, jitterFactor: 3 } as const;

export interface TimingVerdict {
  differs: boolean;
  slower?: 'existing' | 'unknown';
  medianMs: { existing: number; unknown: number };
  jitterMs: { existing: number; unknown: number };
  gapMs: number;
  /** Why the sides were not told apart (when they were not). */
  reason?: string;
}

/** The q-quantile of sorted values, interpolated linearly between order statistics. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export function timingVerdict(existing: readonly number[], unknown: readonly number[], settings: { samples: number; minGapMs: number; jitterFactor: number } = TIMING): TimingVerdict {
  const describe = (values: readonly number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { median: quantile(sorted, 0.5), jitter: quantile(sorted, 0.75) - quantile(sorted, 0.25) };
  };
  const a = describe(existing);
  const b = describe(unknown);
  const round = (value: number) => Math.round(value * 10) / 10;
  const gapMs = Math.abs(a.median - b.median);
  const verdict: TimingVerdict = { differs: false, medianMs: { existing: round(a.median), unknown: round(b.median) }, jitterMs: { existing: round(a.jitter), unknown: round(b.jitter) }, gapMs: round(gapMs) };
  if (existing.length < settings.samples || unknown.length < settings.samples) return { ...verdict, reason: `fewer than ${settings.samples} samples per side` };
  if (!(gapMs >= settings.minGapMs)) return { ...verdict, reason: `medians differ by less than ${settings.minGapMs} ms` };
  if (gapMs < settings.jitterFactor * Math.max(a.jitter, b.jitter)) return { ...verdict, reason: `the gap is within ${settings.jitterFactor}× the jitter` };
  return { ...verdict, differs: true, slower: a.median > b.median ? 'existing' : 'unknown' };
}

/**
 * Takes `samples` measurements of each side in ABBA order. `sample` returns a duration, or
 * undefined to stop (no answer, or an answer unlike the others: a rate limit kicked in).
 */
export async function measureInterleaved(samples: number, sample: (side: 'existing' | 'unknown') => Promise<number | undefined>): Promise<{ existing: number[]; unknown: number[] } | undefined> {
  const times = { existing: [] as number[], unknown: [] as number[] };
  for (let round = 0; round < samples; round++) {
    for (const side of round % 2 === 0 ? (['existing', 'unknown'] as const) : (['unknown', 'existing'] as const)) {
      const duration = await sample(side);
      if (duration === undefined) return undefined;
      times[side].push(duration);
    }
  }
  return times;
}

/** Enumeration needs each group to answer the same way every time and the two groups to differ. */
export function enumerationVerdict(known: readonly string[], unknown: readonly string[]): boolean {
  if (known.length < 2 || unknown.length < 2) return false;
  const stable = (group: readonly string[]) => group.every((item) => item === group[0]);
  return stable(known) && stable(unknown) && known[0] !== unknown[0];
}

export default defineProbe({
  id: 'user-enumeration',
  description: 'Sends a wrong password for a known and for an unknown user to login (twice each, then 10 interleaved timing samples each), and a reset request for a known and an unknown address.',
  falsePositivePolicy:
    'Answers are compared after removing the submitted values and numbers; a group that answers inconsistently (jitter, rate limiting) is not judged. Timing counts only when two independent batches of 10 interleaved samples per side agree: medians at least 20 ms apart and 3× beyond the larger interquartile range; any change of status during measurement, or a per-account rate limit that measuring would exhaust, means no timing verdict.',
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
    const stranger = madeUpUserName(session.username!, 'nobody');
    const knownBody = { ...body, [passwordKey]: wrong };
    const unknownBody = { ...body, [userKey]: stranger, [passwordKey]: wrong };
    const refused = refusedBySchema(operation, unknownBody, body) ?? refusedBySchema(operation, knownBody, body);
    if (refused) {
      context.skip('user-enumeration', `login not compared: the description's schema refuses the made-up attempt (${refused}), so its answer would be a validation error`, operation);
      return;
    }
    const answers = await compare(context, operation, login.method, login.path, session, knownBody, unknownBody, [wrong, stranger, session.username!], 'login');
    if (!answers.reported) await compareTiming(context, operation, login.method, login.path, session, knownBody, unknownBody, answers.known);

    const reset = context.api.operations.find((candidate) => candidate.method === 'post' && /reset|forgot|recover/i.test(candidate.path) && jsonBody(candidate)?.schema?.properties.has('email'));
    const email = knownEmail(context, session);
    if (reset && email) {
      const strangerEmail = madeUpUserName(email, 'nobody', { mailable: true });
      await compare(context, reset, 'POST', reset.path, null, { email }, { email: strangerEmail }, [email, strangerEmail], 'password reset');
    } else if (reset) context.skip('user-enumeration', 'password reset not checked: no known user e-mail address was seen', reset);
  },
});

async function compare(context: ScanContext, operation: Operation | undefined, method: string, path: string, session: Session | null, knownBody: unknown, unknownBody: unknown, submitted: string[], what: string): Promise<{ reported: boolean; known: ScanExchange[] }> {
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
    return { reported: true, known };
  }
  return { reported: false, known };
}

/** Rate-limit headers that say how many attempts are left for this account. */
function attemptsLeft(exchanges: readonly ScanExchange[]): number | undefined {
  const left = exchanges
    .map((exchange) => exchange.response?.headers['ratelimit-remaining'] ?? exchange.response?.headers['x-ratelimit-remaining'])
    .filter((value): value is string => value !== undefined && /^\d+$/.test(value.trim()))
    .map(Number);
  return left.length > 0 ? Math.min(...left) : undefined;
}

/** Same answers, different times: a slow path (a password hash) only for accounts that exist. */
async function compareTiming(context: ScanContext, operation: Operation | undefined, method: string, path: string, session: Session, knownBody: unknown, unknownBody: unknown, earlier: readonly ScanExchange[]): Promise<void> {
  const needed = TIMING.samples * TIMING.batches;
  const left = attemptsLeft(earlier);
  if (left !== undefined && left < needed) {
    context.skip('user-enumeration', `login timing not measured: the API limits failed logins per account (${left} left) and measuring needs up to ${needed}`, operation);
    return;
  }
  if (earlier.length === 0) return;
  const status = earlier[0]!.response!.status;
  const kept = { existing: [] as ScanExchange[], unknown: [] as ScanExchange[] };
  let changed: number | string | undefined;
  const sample = async (side: 'existing' | 'unknown') => {
    const exchange = await context.send(operation, { body: side === 'existing' ? knownBody : unknownBody }, { identity: null, probe: 'user-enumeration', attack: true, method }, operation ? undefined : path);
    if (!exchange?.response || exchange.response.status !== status) {
      changed = exchange?.response?.status ?? exchange?.error ?? 'no answer';
      return undefined;
    }
    kept[side].push(exchange);
    return exchange.response.durationMs;
  };
  const verdicts: TimingVerdict[] = [];
  for (let batch = 0; batch < TIMING.batches; batch++) {
    const times = await measureInterleaved(TIMING.samples, sample);
    if (!times) {
      context.skip('user-enumeration', `login timing not judged: an answer changed to ${changed} during measurement (rate limiting?)`, operation);
      return;
    }
    const verdict = timingVerdict(times.existing, times.unknown);
    if (!verdict.differs || (verdicts[0] && verdicts[0].slower !== verdict.slower)) return;
    verdicts.push(verdict);
  }
  const [first, second] = [verdicts[0]!, verdicts[verdicts.length - 1]!];
  const median = (list: ScanExchange[]) => [...list].sort((a, b) => a.response!.durationMs - b.response!.durationMs)[Math.floor(list.length / 2)]!;
  const slower = first.slower === 'existing' ? `an existing user (${session.name})` : 'an unknown user';
  const faster = first.slower === 'existing' ? 'an unknown one' : `an existing one (${session.name})`;
  context.report(
    rules.enumeration,
    operation ? { operation } : { method, path },
    `${operation ? operationKey(operation) : `${method} ${path}`} (login) answers ${slower} about ${Math.round(Math.min(first.gapMs, second.gapMs))} ms slower than ${faster}, with the same status and message (medians ${second.medianMs.existing} vs ${second.medianMs.unknown} ms over ${TIMING.batches}×${TIMING.samples} interleaved samples per side).`,
    [
      { label: 'existing user (median time)', exchange: median(kept.existing) },
      { label: 'unknown user (median time)', exchange: median(kept.unknown) },
    ],
    { timing: { statistic: 'median gap ≥ 20 ms and ≥ 3× the larger interquartile range, in 2 independent batches', samplesPerSide: TIMING.samples, batches: verdicts.map(({ medianMs, jitterMs, gapMs }) => ({ medianMs, jitterMs, gapMs })) } },
  );
}

function knownEmail(context: ScanContext, session: Session): string | undefined {
  for (const exchange of context.transport.exchanges) {
    if (exchange.identity !== session.name || exchange.attack) continue;
    const json = exchange.response?.json as Record<string, unknown> | undefined;
    if (json && !Array.isArray(json) && typeof json.email === 'string' && /\/(me|self|current|profile)\b/.test(exchange.request.url)) return json.email;
  }
  return undefined;
}
