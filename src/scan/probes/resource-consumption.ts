import { randomBytes } from 'node:crypto';
import type { Operation } from '../../spec/api.js';
import type { ScanContext } from '../context.js';
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

/**
 * Super-linear growth: with lengths n, 2n, 4n and median times t1, t2, t4, the time at 4n is over
 * 250 ms and more than 8× the time at n (linear work would be about 4×).
 */
export function redosVerdict(medians: readonly [number, number, number]): boolean {
  const [t1, , t4] = medians;
  return t4 > 250 && t4 > 8 * Math.max(t1, 5);
}

export default defineProbe({
  id: 'resource-consumption',
  description: 'A bounded burst of failed logins (then the same with spoofed X-Forwarded-For), a huge page size on list operations, and response-time growth with input length on pattern-checked strings.',
  falsePositivePolicy: 'A limit above the burst size looks like no limit: that is why the missing-limit finding is a warning that states the burst size. Page sizes count only when a documented maximum is exceeded or the value is echoed. ReDoS needs 3 samples per length and growth well above linear.',
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
    context.skip('resource-consumption', 'no login request configured: rate limiting of logins not tested');
    return;
  }
  const operation = context.api.operations.find((candidate) => candidate.path === login.path && candidate.method === login.method.toLowerCase());
  const body = login.json as Record<string, unknown>;
  const userKey = Object.keys(body).find((key) => body[key] === session.username)!;
  const passwordKey = Object.keys(body).find((key) => /pass/i.test(key)) ?? 'password';
  const victim = `rampart-burst-${randomBytes(4).toString('hex')}`;
  const attempt = (headers?: Record<string, string>) =>
    context.send(operation, { body: { ...body, [userKey]: victim, [passwordKey]: `wrong-${randomBytes(3).toString('hex')}` } }, { identity: null, probe: 'resource-consumption', attack: true, method: login.method, headers }, operation ? undefined : login.path);
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
    ], { burst: burst.length, statuses: burst.map((exchange) => exchange.response!.status) });
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

async function redos(context: ScanContext): Promise<void> {
  const user = context.users()[0] ?? context.admin() ?? null;
  const slots: { operation: Operation; where: 'query' | 'body'; name: string }[] = [];
  for (const operation of context.api.operations) {
    if (!['get', 'post'].includes(operation.method) || context.isAdmin(operation)) continue;
    for (const parameter of operation.parameters) if (parameter.in === 'query' && parameter.schema.pattern && !parameter.schema.maxLength) slots.push({ operation, where: 'query', name: parameter.name });
    for (const [name, property] of jsonBody(operation)?.schema?.properties ?? []) if (property.pattern && !property.maxLength && !property.readOnly) slots.push({ operation, where: 'body', name });
  }
  if (slots.length === 0) {
    context.skip('resource-consumption', 'ReDoS: no unbounded string input checked by a pattern');
    return;
  }
  for (const { operation, where, name } of slots.slice(0, 3)) {
    const example = context.exampleInput(operation, user);
    if (!example || !context.mayWrite(operation, example.created)) continue;
    const medians: number[] = [];
    let proof: ScanExchange | undefined;
    for (const length of [2000, 4000, 8000]) {
      const times: number[] = [];
      for (let k = 0; k < 3; k++) {
        const value = `${'a'.repeat(length)}!`;
        const input = where === 'query' ? { ...example.input, query: { ...(example.input.query ?? {}), [name]: value } } : { ...example.input, body: { ...(example.input.body as Record<string, unknown>), [name]: value } };
        const exchange = await context.send(operation, input, { identity: user, probe: 'resource-consumption', attack: true });
        if (exchange?.response) {
          times.push(exchange.response.durationMs);
          proof = exchange;
        }
      }
      times.sort((a, b) => a - b);
      medians.push(times[1] ?? 0);
    }
    if (proof && redosVerdict(medians as [number, number, number])) {
      context.report(rules.redos, { operation }, `${operationKey(operation)} (${where} ${name}): median response times ${medians.map((t) => `${Math.round(t)} ms`).join(', ')} for 2000, 4000 and 8000 characters.`, [{ label: 'longest input', exchange: proof }], { mediansMs: medians.map(Math.round) });
    }
  }
}
