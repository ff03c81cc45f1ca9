import { randomBytes } from 'node:crypto';
import type { Operation } from '../../spec/api.js';
import type { ScanContext } from '../context.js';
import type { Session } from '../identities.js';
import { madeUpUserName, refusedBySchema } from '../made-up-user.js';
import { jsonBody, operationKey } from '../operations.js';
import { defineProbe, is2xx, rule } from '../probe.js';
import type { ScanExchange, ScanResponse } from '../types.js';

const rules = {
  missing: rule('scan-rate-limit-missing', 'warning', 'API4:2023', 'CWE-307', 'A burst of failed logins got no 429 and no rate-limit headers.', 'Limit failed attempts per account and per client (429 with Retry-After, RateLimit headers).'),
  bypass: rule('scan-rate-limit-bypass', 'error', 'API4:2023', 'CWE-348', 'A rate limit is reset by a spoofed X-Forwarded-For header.', 'Take the client address from the connection or a trusted proxy only.'),
  pageSize: rule('scan-unbounded-page-size', 'warning', 'API4:2023', 'CWE-770', 'A page-size parameter far above any sensible maximum is accepted.', 'Document and enforce a maximum page size (and answer 400 above it).'),
  redos: rule('scan-redos', 'warning', 'API4:2023', 'CWE-1333', 'Response time grows super-linearly with the length of a string input.', 'Use linear-time regular expressions (or a length limit before matching).'),
};

const RATE_HEADERS = /^(ratelimit(-\w+)?|x-ratelimit-\w+|x-rate-limit-\w+|retry-after)$/i;
const PAGE_SIZE = /^(limit|page_?size|pageSize|per_?page|perPage|size|count|max|max_?results|top|first|take)$/i;
const HUGE_PAGE = 100000;

/** Throttled: any 429, or any response naming a rate limit. */
export function limited(responses: readonly Pick<ScanResponse, 'status' | 'headers'>[]): boolean {
  return responses.some((response) => response.status === 429 || Object.keys(response.headers).some((name) => RATE_HEADERS.test(name)));
}

/** A huge page size is "accepted" when it succeeds and either exceeds a documented maximum or is echoed back. */
export function pageSizeVerdict(status: number, documentedMaximum: number | undefined, echoed: unknown, sent: number): boolean {
  if (!is2xx(status)) return false;
  if (documentedMaximum !== undefined && sent > documentedMaximum) return true;
  return echoed === sent;
}

/** Input lengths tried, shortest first: steps of 4 where exponential patterns explode, then about ×1.25 to ×1.5. */
export const REDOS_LADDER: readonly number[] = [8, 12, 16, 20, 24, 28, 32, 36, 40, 48, 56, 64, 80, 96, 128, 160, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096, 6144, 8192];
/** The climb stops at the first length this slow: enough to measure, and little load on the target. */
const REDOS_STOP_MS = 200;
/** Every long sample must be this much slower than every short one. */
const REDOS_MIN_SLOWDOWN_MS = 100;
const REDOS_SAMPLES = 3;

/** The lengths to climb for a string input: the ladder within its bounds, and its maxLength itself. */
export function redosLengths(minLength = 0, maxLength?: number): number[] {
  const lengths = REDOS_LADDER.filter((length) => length >= minLength && (maxLength === undefined || length <= maxLength));
  if (maxLength !== undefined && maxLength > (lengths[lengths.length - 1] ?? 0) && maxLength >= REDOS_LADDER[0]! && maxLength <= REDOS_LADDER[REDOS_LADDER.length - 1]!) lengths.push(maxLength);
  return lengths;
}

/** The short length to compare `long` with: the longest climbed length at most a quarter of it, else the shortest. */
export function shortLengthFor(long: number, climbed: readonly number[]): number | undefined {
  const candidates = climbed.filter((length) => length < long);
  return candidates.filter((length) => length * 4 <= long).pop() ?? candidates[0];
}

export interface TimedLength {
  length: number;
  /** Response times in ms, sampled alternately with the other length. */
  times: readonly number[];
}

const median = (times: readonly number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

/**
 * Super-linear growth between a short and a long input: every long sample is at least 100 ms
 * slower than every short one, and the long median exceeds the short median (taken as at least
 * 2 ms) by more than 3× the length ratio. Linear work grows by the length ratio alone.
 */
export function redosVerdict(short: TimedLength, long: TimedLength): boolean {
  if (short.times.length < 2 || long.times.length < 2 || long.length <= short.length) return false;
  if (Math.min(...long.times) - Math.max(...short.times) < REDOS_MIN_SLOWDOWN_MS) return false;
  return median(long.times) > 3 * (long.length / short.length) * Math.max(median(short.times), 2);
}

export default defineProbe({
  id: 'resource-consumption',
  description: 'A bounded burst of failed logins (then the same with spoofed X-Forwarded-For), a huge page size on list operations, and response-time growth with input length on pattern-checked strings.',
  falsePositivePolicy: 'A limit above the burst size looks like no limit: that is why the missing-limit finding is a warning that states the burst size. Page sizes count only when a documented maximum is exceeded or the value is echoed. ReDoS climbs input lengths one request at a time and stops at the first slow answer (so an exponential pattern is never fed a much longer input), then needs 3 alternating samples of a short and a long input with every long one 100 ms slower and growth over 3× linear.',
  rules,
  async run(context: ScanContext) {
    await loginBurst(context);
    await pageSizes(context);
    await redos(context);
  },
});

async function loginBurst(context: ScanContext): Promise<void> {
  const session = context.sessions.find((candidate) => candidate.config.login?.json && candidate.username);
  const login = session?.config.login;
  if (!session || !login) {
    const configured = context.sessions.some((candidate) => candidate.config.login);
    context.skip('resource-consumption', configured ? 'no login sends a JSON body with a user name (form logins are not tried): rate limiting of logins not tested' : 'no login request configured: rate limiting of logins not tested');
    return;
  }
  const operation = context.api.operations.find((candidate) => candidate.path === login.path && candidate.method === login.method.toLowerCase());
  const body = login.json as Record<string, unknown>;
  const userKey = Object.keys(body).find((key) => body[key] === session.username)!;
  const passwordKey = Object.keys(body).find((key) => /pass/i.test(key)) ?? 'password';
  const victim = madeUpUserName(session.username!, 'burst');
  const attemptBody = () => ({ ...body, [userKey]: victim, [passwordKey]: `wrong-${randomBytes(3).toString('hex')}` });
  const refused = refusedBySchema(operation, attemptBody(), body);
  if (refused) {
    context.skip('resource-consumption', `login rate limit not tested: the description's schema refuses the made-up attempt (${refused}), so the burst would test validation`, operation);
    return;
  }
  const attempt = (headers?: Record<string, string>) =>
    context.send(operation, { body: attemptBody() }, { identity: null, probe: 'resource-consumption', attack: true, method: login.method, headers }, operation ? undefined : login.path);
  const burst: ScanExchange[] = [];
  for (let k = 0; k < context.settings.burst; k++) {
    const exchange = await attempt();
    if (exchange?.response) burst.push(exchange);
    if (exchange?.response?.status === 429) break;
  }
  const where = operation ? { operation } : { method: login.method, path: login.path };
  if (!limited(burst.map((exchange) => exchange.response!))) {
    context.report(rules.missing, where, `${burst.length} failed logins for one user name in a row got no 429 and no rate-limit headers.`, [
      { label: 'first attempt', exchange: burst[0]! },
      { label: `attempt ${burst.length}`, exchange: burst[burst.length - 1]! },
    ], { burst: burst.length, statuses: burst.map((exchange) => exchange.response!.status) }, {
      steps: [{ exchange: burst[burst.length - 1]!, comment: `the same failed login ${burst.length} times: no 429 among the statuses`, repeat: burst.length }],
    });
    return;
  }
  if (!burst.some((exchange) => exchange.response!.status === 429)) return;
  const spoofed: ScanExchange[] = [];
  for (let k = 0; k < 3; k++) {
    const exchange = await attempt({ 'X-Forwarded-For': `203.0.113.${10 + k}` });
    if (exchange?.response) spoofed.push(exchange);
  }
  if (spoofed.length === 3 && spoofed.every((exchange) => exchange.response!.status !== 429)) {
    context.report(rules.bypass, where, `After a 429, the same attempts with a different X-Forwarded-For were no longer limited (${spoofed.map((exchange) => exchange.response!.status).join(', ')}).`, [
      { label: 'limited', exchange: burst[burst.length - 1]! },
      { label: 'spoofed X-Forwarded-For', exchange: spoofed[0]! },
    ]);
  }
}

async function pageSizes(context: ScanContext): Promise<void> {
  const user = context.users()[0] ?? context.admin() ?? null;
  for (const operation of context.api.operations) {
    if (operation.method !== 'get') continue;
    const parameter = operation.parameters.find((candidate) => candidate.in === 'query' && PAGE_SIZE.test(candidate.name) && (!candidate.schema.types || candidate.schema.types.has('integer') || candidate.schema.types.has('number')));
    if (!parameter) continue;
    const example = context.exampleInput(operation, context.isAdmin(operation) ? context.admin() ?? user : user);
    if (!example) continue;
    const exchange = await context.send(operation, { ...example.input, query: { ...(example.input.query ?? {}), [parameter.name]: String(HUGE_PAGE) } }, { identity: user, probe: 'resource-consumption', attack: true });
    const response = exchange?.response;
    if (!response) continue;
    const echoed = response.json && typeof response.json === 'object' && !Array.isArray(response.json) ? (response.json as Record<string, unknown>)[parameter.name] : undefined;
    if (pageSizeVerdict(response.status, parameter.schema.maximum?.value, echoed, HUGE_PAGE)) {
      context.report(rules.pageSize, { operation }, `${operationKey(operation)} accepted ${parameter.name}=${HUGE_PAGE}${parameter.schema.maximum ? ` (documented maximum ${parameter.schema.maximum.value})` : ' and used it'}.`, [{ label: 'huge page', exchange: exchange! }]);
    }
  }
}

interface RedosSlot {
  operation: Operation;
  where: 'query' | 'body';
  name: string;
  minLength?: number;
  maxLength?: number;
}

async function redos(context: ScanContext): Promise<void> {
  const user = context.users()[0] ?? context.admin() ?? null;
  const slots: RedosSlot[] = [];
  for (const operation of context.api.operations) {
    if (!['get', 'post'].includes(operation.method) || context.isAdmin(operation)) continue;
    for (const parameter of operation.parameters) {
      if (parameter.in === 'query' && parameter.schema.pattern && !parameter.schema.enum) slots.push({ operation, where: 'query', name: parameter.name, minLength: parameter.schema.minLength, maxLength: parameter.schema.maxLength });
    }
    for (const [name, property] of jsonBody(operation)?.schema?.properties ?? []) {
      if (property.pattern && !property.readOnly && !property.enum) slots.push({ operation, where: 'body', name, minLength: property.minLength, maxLength: property.maxLength });
    }
  }
  if (slots.length === 0) {
    context.skip('resource-consumption', 'ReDoS: no string input checked by a pattern');
    return;
  }
  for (const slot of slots.slice(0, 3)) await redosSlot(context, user, slot);
}

/**
 * Climbs the length ladder one request per length until a response is slow (or the input's
 * maxLength is reached), then samples that length and a short one alternately, so a burst of load
 * on the machine slows both and cannot make a verdict.
 */
async function redosSlot(context: ScanContext, user: Session | null, { operation, where, name, minLength, maxLength }: RedosSlot): Promise<void> {
  const example = context.exampleInput(operation, user);
  if (!example || !context.mayWrite(operation, example.created)) return;
  // A run of letters, then a character no word pattern accepts: the input that makes nested quantifiers backtrack.
  const send = (length: number) => {
    const value = `${'a'.repeat(length - 1)}!`;
    const input = where === 'query' ? { ...example.input, query: { ...(example.input.query ?? {}), [name]: value } } : { ...example.input, body: { ...(example.input.body as Record<string, unknown>), [name]: value } };
    return context.send(operation, input, { identity: user, probe: 'resource-consumption', attack: true });
  };
  const climbed: number[] = [];
  let slowest = 0;
  for (const length of redosLengths(minLength, maxLength)) {
    const exchange = await send(length);
    if (!exchange?.response) {
      if (exchange?.error) context.skip('resource-consumption', `ReDoS: ${where} ${name} at ${length} characters: ${exchange.error}`, operation);
      return;
    }
    climbed.push(length);
    slowest = Math.max(slowest, exchange.response.durationMs);
    if (exchange.response.durationMs >= REDOS_STOP_MS) break;
  }
  const long = climbed[climbed.length - 1];
  const short = long === undefined ? undefined : shortLengthFor(long, climbed);
  if (long === undefined || short === undefined || slowest < REDOS_MIN_SLOWDOWN_MS) return;
  const samples = { short: [] as ScanExchange[], long: [] as ScanExchange[] };
  for (let k = 0; k < REDOS_SAMPLES; k++) {
    for (const [which, length] of [['short', short], ['long', long]] as const) {
      const exchange = await send(length);
      if (!exchange?.response) return;
      samples[which].push(exchange);
    }
  }
  const times = (list: ScanExchange[]) => list.map((exchange) => exchange.response!.durationMs);
  if (!redosVerdict({ length: short, times: times(samples.short) }, { length: long, times: times(samples.long) })) return;
  const proof = samples.long.reduce((slow, exchange) => (exchange.response!.durationMs > slow.response!.durationMs ? exchange : slow));
  const ms = (list: ScanExchange[]) => times(list).map(Math.round);
  context.report(rules.redos, { operation }, `${operationKey(operation)} (${where} ${name}): ${long} characters take ${ms(samples.long).join(', ')} ms, ${short} characters ${ms(samples.short).join(', ')} ms: far more than ${Math.round((long / short) * 10) / 10}× (linear) slower.`, [
    { label: `${short} characters`, exchange: samples.short[0]! },
    { label: `${long} characters`, exchange: proof },
  ], { lengths: [short, long], shortMs: ms(samples.short), longMs: ms(samples.long) });
}
