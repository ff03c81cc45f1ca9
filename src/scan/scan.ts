import { randomInt } from 'node:crypto';
import { RampartError } from '../core/errors.js';
import { compareFindings, type Finding } from '../core/finding.js';
import { buildApi, type Api, type Operation } from '../spec/api.js';
import { loadDocument, type RefProblem } from '../spec/document.js';
import { joinPointer } from '../spec/pointer.js';
import { Canary } from './canary.js';
import type { ScanConfig } from './config.js';
import { ScanContext } from './context.js';
import { Session } from './identities.js';
import { LinkBindings, readLinks } from './links.js';
import { isAdminOperation, isAuthOperation, isCreate, jsonBody, operationKey, pathParams, resourceOfName } from './operations.js';
import { builtinProbes, type ProbeName } from './probes/index.js';
import { Redactor } from './redact.js';
import { BudgetExhausted, isLoopback, Transport } from './transport.js';
import type { ProbeRule, Skip } from './types.js';

export interface ScanOptions {
  /** File path or URL of the API description. */
  spec: string;
  /** The API to scan. Required unless the configuration names a loopback target. */
  target?: string;
  /** The `scan:` section of the configuration (identities, admin operations, limits). */
  config?: ScanConfig;
  cwd?: string;
  rps?: number;
  budget?: number;
  timeoutMs?: number;
  seed?: number;
  /** Valid and invalid inputs generated per operation by the input-validation probe. */
  fuzzRuns?: number;
  /** Failed logins in the rate-limit burst. */
  burst?: number;
  allowDestructive?: boolean;
  /** Accept an untrusted (self-signed) certificate on an https target, like `curl -k`. */
  insecure?: boolean;
  /** The same API over plain http on the same host: checked for a redirect to the https target. */
  httpTarget?: string;
  /**
   * Follow http(s) $refs of the description. A remote document's refs stay on its own origin even
   * then: a description the target serves must not send the scanner to other hosts.
   */
  allowRemote?: boolean;
  /** Only these probes (default: all). */
  probes?: readonly string[];
  /** Called with the probe about to run and the requests sent so far (progress display). */
  onProgress?: (state: { probe: string; requests: number; budget: number }) => void;
}

export interface ScanSummary {
  target: string;
  seed: number;
  requests: number;
  budget: number;
  durationMs: number;
  requestsPerSecond: number;
  identities: { name: string; role: string; loggedIn: boolean; problem?: string }[];
  probes: string[];
  operations: number;
  createdObjects: number;
  skipped: Skip[];
  /** The `$RAMPART_…` shell variables the findings' curls read, and where each value comes from. */
  variables: { name: string; about: string }[];
  /** True when the budget ran out before every probe finished. */
  budgetExhausted: boolean;
}

export interface ScanResult {
  findings: Finding[];
  summary: ScanSummary;
  rules: ProbeRule[];
}

export const SCAN_DEFAULTS = { rps: 20, budget: 3000, timeoutMs: 10_000, fuzzRuns: 12, burst: 12 } as const;

/** Every rule a probe can report, for reporters (SARIF rule list, JUnit). */
export function scanRules(): ProbeRule[] {
  return Object.values(builtinProbes).flatMap((probe) => Object.values(probe.rules as Record<string, ProbeRule>));
}

/**
 * Scans a running API: logs identities in, explores and creates objects (producers before
 * consumers), runs every probe, and returns Findings with redacted evidence and curl commands.
 */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const config = options.config ?? { identities: [], adminOperations: [] };
  const targetText = options.target ?? config.target;
  if (!targetText) throw new RampartError('RAMPART_USAGE', '--target is required: the scanner never guesses where to send requests');
  let target: URL;
  try {
    target = new URL(targetText);
  } catch {
    throw new RampartError('RAMPART_USAGE', `--target: "${targetText}" is not a URL`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new RampartError('RAMPART_USAGE', `--target: only http and https targets can be scanned, got ${target.protocol}`);
  if (!options.target && !isLoopback(target.hostname)) {
    throw new RampartError('RAMPART_USAGE', `refusing to scan ${target.origin} named only in ${config.file ?? 'the configuration'}: pass --target ${target.origin} explicitly for a non-loopback target`);
  }
  const httpTarget = options.httpTarget === undefined ? undefined : parseHttpTarget(options.httpTarget, target);
  const probeNames = (options.probes && options.probes.length > 0 ? options.probes : Object.keys(builtinProbes)) as ProbeName[];
  for (const name of probeNames) {
    if (!(name in builtinProbes)) throw new RampartError('RAMPART_USAGE', `--probe: unknown probe "${name}". Available: ${Object.keys(builtinProbes).join(', ')}`);
  }
  // The description's own URL was given by the user; the $refs in it were not.
  const document = await loadDocument(options.spec, { cwd: options.cwd, remoteRoot: true, allowRemote: Boolean(options.allowRemote), remoteRefsSameOrigin: true });
  const api = buildApi(document);
  const links = readLinks(document, api);

  const seed = options.seed ?? randomInt(0, 2 ** 31 - 1);
  const transport = new Transport({
    target,
    rps: options.rps ?? config.rps ?? SCAN_DEFAULTS.rps,
    budget: options.budget ?? config.budget ?? SCAN_DEFAULTS.budget,
    timeoutMs: options.timeoutMs ?? config.timeoutMs ?? SCAN_DEFAULTS.timeoutMs,
    allowDestructive: Boolean(options.allowDestructive),
    insecure: Boolean(options.insecure),
    httpTarget,
  });
  await checkReachable(transport, target);
  const redactor = new Redactor();
  const sessions = config.identities.map((identity) => new Session(identity, redactor));
  const canary = new Canary();
  await canary.start();
  const context = new ScanContext(api, transport, redactor, canary, sessions, {
    seed,
    fuzzRuns: options.fuzzRuns ?? SCAN_DEFAULTS.fuzzRuns,
    burst: options.burst ?? SCAN_DEFAULTS.burst,
    allowDestructive: Boolean(options.allowDestructive),
    adminOperations: config.adminOperations,
  }, new LinkBindings(links.links));
  for (const problem of links.problems) context.skip('explore', `${problem}: the link is not followed`);
  for (const problem of document.refProblems) context.skip('spec', unresolvedRef(problem));
  let budgetExhausted = false;
  try {
    if (sessions.length === 0) context.skip('setup', 'no identities in the scan configuration: authorization probes need at least one (BOLA needs two users)');
    for (const session of sessions) {
      if (!(await session.login(transport))) context.skip('setup', `identity ${session.name} could not log in: ${session.failure}`);
    }
    if (context.users().length < 2) context.skip('bola', `needs two logged-in user identities, have ${context.users().length}`);
    await explore(context);
    for (const name of probeNames) {
      options.onProgress?.({ probe: name, requests: transport.requestCount, budget: transport.options.budget });
      await builtinProbes[name].run(context);
    }
  } catch (error) {
    if (!(error instanceof BudgetExhausted)) throw error;
    budgetExhausted = true;
    context.skip('scan', `${error.message}: later probes did not run (raise --budget)`);
    // Passive probes read what was already sent, so they still run.
    for (const name of probeNames) if ((builtinProbes[name] as { passive?: boolean }).passive) await builtinProbes[name].run(context);
  } finally {
    await canary.stop();
  }
  for (const problem of context.links.problems) context.skip('explore', problem);
  const created = context.pool.all().filter((entry) => entry.created);
  const linkedRemovals = context.links.removals().filter((binding) => !created.some((entry) => Object.values(binding.path).includes(entry.id)));
  const createdCount = created.length + linkedRemovals.length;
  if (createdCount > 0 && !options.allowDestructive) context.skip('cleanup', `${createdCount} objects created by the scan were left in place (DELETE needs --allow-destructive)`);
  else if (createdCount > 0) await cleanUp(context);

  const durationMs = Date.now() - transport.startedAt;
  const curls = context.findings.map((finding) => finding.reproduce ?? '').join('\n');
  return {
    findings: context.findings.sort(compareFindings),
    summary: {
      target: target.origin + target.pathname.replace(/\/$/, ''),
      seed,
      requests: transport.requestCount,
      budget: transport.options.budget,
      durationMs,
      requestsPerSecond: Math.round((transport.requestCount / Math.max(durationMs, 1)) * 1000 * 10) / 10,
      identities: sessions.map((session) => ({ name: session.name, role: session.role, loggedIn: !session.failure, problem: session.failure })),
      probes: probeNames,
      operations: api.operations.length,
      createdObjects: createdCount,
      skipped: context.skips,
      variables: redactor.variables().filter(({ name }) => new RegExp(`\\$${name}(?![A-Z0-9_])`).test(curls)),
      budgetExhausted,
    },
    rules: scanRules(),
  };
}

/** A $ref the loader could not follow, where it is written: what it names would otherwise go untested without a word. */
function unresolvedRef(problem: RefProblem): string {
  const { line } = problem.source.range(joinPointer(problem.pointer, '$ref'));
  return `${problem.source.displayPath}:${line}: ${problem.message.replace(/\.$/, '')}: what it names is not tested (response conformance, generated inputs)`;
}

/** `--http-target`: plain http, on the host of an https target (the scanner talks to no other host). */
function parseHttpTarget(text: string, target: URL): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RampartError('RAMPART_USAGE', `--http-target: "${text}" is not a URL`);
  }
  if (url.protocol !== 'http:') throw new RampartError('RAMPART_USAGE', `--http-target: expected an http:// URL, got ${url.protocol}`);
  if (target.protocol !== 'https:') throw new RampartError('RAMPART_USAGE', '--http-target: needs an https --target to compare with');
  if (url.hostname !== target.hostname) throw new RampartError('RAMPART_USAGE', `--http-target: ${url.hostname} is not the host of --target (${target.hostname})`);
  return url;
}

async function checkReachable(transport: Transport, target: URL): Promise<void> {
  const probe = await transport.send({ method: 'GET', path: target.pathname, probe: 'setup' });
  if (probe.error) throw new RampartError('RAMPART_USAGE', `target ${target.origin} is not reachable: ${probe.error}`);
}

/**
 * Learns the API before attacking it: anonymous and per-identity GETs of parameter-free operations
 * (what needs credentials, which IDs each identity sees), then creations in dependency order
 * (producers of OpenAPI links first; an order needs an account: accounts first), then reads of
 * what was created, again producers first. Creations under a path ID (`POST /projects/{key}/tasks`)
 * run when a link supplies the ID.
 */
async function explore(context: ScanContext): Promise<void> {
  const api: Api = context.api;
  const identities = [...context.users(), ...(context.admin() ? [context.admin()!] : [])];
  const lists = api.operations.filter((operation) => operation.method === 'get' && pathParams(operation).length === 0 && !isAuthOperation(operation));
  for (const operation of lists) {
    const example = context.exampleInput(operation, null);
    if (!example) continue;
    const anonymous = await context.send(operation, example.input, { identity: null, probe: 'explore' });
    if (anonymous) context.anonymous.set(operation, anonymous);
    for (const identity of identities) {
      if (isAdminOperation(operation, context.settings.adminOperations) && identity.role !== 'admin') continue;
      const exchange = await context.send(operation, example.input, { identity, probe: 'explore' });
      if (exchange) context.pool.learn(exchange, operation, identity.name);
    }
  }
  const creates = context.links.order(
    api.operations.filter((operation) => isCreate(operation) && (pathParams(operation).length === 0 || context.links.isTarget(operation)) && !isAdminOperation(operation, context.settings.adminOperations)),
  );
  for (const identity of context.users()) {
    const pending = [...creates];
    for (let pass = 0; pass < creates.length + 2 && pending.length > 0; pass++) {
      let progressed = false;
      for (const operation of [...pending]) {
        if (pathParams(operation).length > 0 && !context.pathValues(operation, identity)) continue;
        const needs = [...(jsonBody(operation)?.schema?.required ?? [])].filter((name) => resourceOfName(name));
        if (needs.some((name) => !context.pool.lookup(name, identity.name)) && pass < 2) continue;
        pending.splice(pending.indexOf(operation), 1);
        progressed = true;
        const example = context.exampleInput(operation, identity);
        if (!example) continue;
        const exchange = await context.send(operation, example.input, { identity, probe: 'explore', scanCreated: example.created });
        if (exchange) context.pool.learn(exchange, operation, identity.name);
      }
      if (!progressed && pass >= 2) break;
    }
  }
  const reads = context.links.order(api.operations.filter((operation) => operation.method === 'get' && pathParams(operation).length > 0 && !isAdminOperation(operation, context.settings.adminOperations)));
  for (const identity of context.users()) {
    for (const operation of reads) {
      const example = context.exampleInput(operation, identity);
      if (example) await context.send(operation, example.input, { identity, probe: 'explore', scanCreated: example.created });
    }
  }
  if (context.pool.all().length === 0 && context.links.learned === 0 && identities.length > 0) context.skip('explore', 'no object IDs learned from listings or creations: operations with path IDs are not tested');
  void operationKey;
}

async function cleanUp(context: ScanContext): Promise<void> {
  const sent = new Set<string>();
  const remove = async (operation: Operation, path: Record<string, string>, owner: string) => {
    const url = context.url(operation, { path });
    if (sent.has(url)) return;
    sent.add(url);
    const session = context.sessions.find((candidate) => candidate.name === owner) ?? null;
    await context.send(operation, { path }, { identity: session, probe: 'cleanup', scanCreated: true });
  };
  try {
    // Links name the exact DELETE (nested resources too); then `{collection}/{id}` by convention.
    for (const binding of context.links.removals()) await remove(binding.link.to, binding.path, binding.owner);
    for (const entry of [...context.pool.all()].reverse()) {
      if (!entry.created || !entry.source.operation) continue;
      const operation = context.api.operations.find((candidate) => candidate.method === 'delete' && pathParams(candidate).length === 1 && candidate.path.startsWith(`${entry.source.operation!.path.replace(/\/$/, '')}/{`));
      if (operation) await remove(operation, { [pathParams(operation)[0]!]: entry.id }, entry.owner);
    }
  } catch (error) {
    if (!(error instanceof BudgetExhausted)) throw error;
  }
}
