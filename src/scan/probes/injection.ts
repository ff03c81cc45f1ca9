import { randomBytes } from 'node:crypto';
import type { Operation } from '../../spec/api.js';
import type { RequestInput, ScanContext } from '../context.js';
import type { Session } from '../identities.js';
import { jsonBody, operationKey } from '../operations.js';
import { defineProbe, is2xx, jsonEqual, rule } from '../probe.js';
import type { ScanExchange } from '../types.js';

const rules = {
  sql: rule('scan-sql-injection', 'error', 'API8:2023', 'CWE-89', 'A string input reaches an SQL query unescaped (error signature or boolean differential).', 'Use parameterised queries or a query builder; never concatenate input into SQL.'),
  nosql: rule('scan-nosql-injection', 'error', 'API8:2023', 'CWE-943', 'An input is interpreted as a NoSQL query operator.', 'Accept only scalar values where scalars are documented; strip `$` operators.'),
  command: rule('scan-command-injection', 'error', 'API8:2023', 'CWE-78', 'An input reaches a shell command (error signature or time differential).', 'Do not build shell commands from input; call programs with argument arrays.'),
};

/**
 * Database errors, in each engine's own wording (PostgreSQL, SQL Server, Oracle, SQLite, MySQL):
 * a search API with a phrase syntax may well answer "unterminated quoted string at position 5"
 * for a stray quote, which says nothing about SQL. The quote that follows may be escaped: `\"` is
 * how the error reads inside a JSON body.
 */
export const SQL_ERRORS = /SQLITE_ERROR|SQLSTATE\[|ORA-\d{5}|PG::\w+Error|syntax error at or near \\?"|You have an error in your SQL syntax|unterminated quoted string at or near \\?"|Unclosed quotation mark after the character string|quoted string not properly terminated|unrecognized token: \\?"/i;
export const NOSQL_ERRORS = /MongoError|MongoServerError|CastError|\$where|unknown operator: \$|BSON/;
export const COMMAND_ERRORS = /sh: \d+: |\/bin\/sh: |command not found|is not recognized as an internal or external command/;

/** A signature in the attack response that the benign response did not already show. */
export function signatureVerdict(pattern: RegExp, benign: string | undefined, attack: string | undefined): boolean {
  return attack !== undefined && pattern.test(attack) && !(benign !== undefined && pattern.test(benign));
}

/**
 * Boolean differential: the "true" payloads and the "false" payloads answer differently, each side
 * the same way for all its payloads, and all succeed. A server that treats the input as text answers
 * both alike.
 */
export function differentialVerdict(truthy: readonly (string | undefined)[], falsy: readonly (string | undefined)[]): boolean {
  if (truthy.length < 2 || falsy.length < 2 || [...truthy, ...falsy].some((body) => body === undefined)) return false;
  const stable = (group: readonly (string | undefined)[]) => group.every((body) => body === group[0]);
  return stable(truthy) && stable(falsy) && truthy[0] !== falsy[0];
}

/**
 * A response body with the submitted value taken out, in the forms an API echoes it (as is, JSON-
 * escaped, URL-encoded): an API that echoes its input answers two payloads differently without
 * interpreting either.
 */
export function withoutEcho(body: string, values: readonly string[]): string {
  let text = body;
  for (const value of values) {
    for (const form of new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2)])) {
      if (form) text = text.split(form).join('');
    }
  }
  return text;
}

/**
 * The boolean-differential payloads: two always-true and two always-false conditions that use the
 * same words and differ only in the digits compared, so a search that matches words ("or" in
 * "Either/Or", "and" in "War and Peace") answers all four alike. Each side has two spellings, so a
 * server must answer both of one truth value identically: an echo in some altered form (lower
 * case, split into terms) makes them differ and leaves no verdict.
 */
export function booleanPayloads(marker: string): { truthy: string[]; falsy: string[] } {
  return {
    truthy: [`${marker}' OR '1'='1`, `${marker}' OR '2'='2`],
    falsy: [`${marker}' OR '1'='2`, `${marker}' OR '2'='1`],
  };
}

/** Time differential: every delayed sample is slower than every baseline sample by most of the delay. */
export function timingVerdict(baseline: readonly number[], delayed: readonly number[], delayMs: number): boolean {
  if (baseline.length < 2 || delayed.length < 2) return false;
  return Math.min(...delayed) - Math.max(...baseline) >= delayMs * 0.8;
}

interface Slot {
  where: 'query' | 'body';
  name: string;
  /** Command-like names get the (slower) time-based check. */
  commandLike: boolean;
}

const COMMAND_NAME = /host|ip|addr|domain|cmd|command|exec|file|filename|path|dir|ping/i;
const MAX_SLOTS = 8;

export default defineProbe({
  id: 'injection',
  description: 'Puts safe SQL, NoSQL and shell payloads into string query parameters and top-level JSON string properties; judges by error signatures and by boolean/time differentials measured twice or more.',
  falsePositivePolicy: 'Error signatures count only when the benign request did not show them. Boolean differentials need two spellings of each truth value (same words, other digits) to answer identically and the two sides to differ; timing needs every delayed sample above every baseline sample. Payloads never modify data (no stacked queries, `sleep` only).',
  rules,
  async run(context: ScanContext) {
    const user = context.users()[0] ?? context.admin() ?? null;
    const targets: { operation: Operation; input: RequestInput; slot: Slot }[] = [];
    for (const operation of context.api.operations) {
      if (!['get', 'post'].includes(operation.method) || context.isAdmin(operation)) continue;
      const example = context.exampleInput(operation, user);
      if (!example || !context.mayWrite(operation, example.created)) continue;
      for (const slot of stringSlots(operation)) targets.push({ operation, input: example.input, slot });
    }
    if (targets.length === 0) context.skip('injection', 'no string query parameter or JSON string property to test');
    // Command-like inputs first: only they get the time-based check, so the slot cap must not crowd them out.
    const chosen = [...targets.filter((target) => target.slot.commandLike), ...targets.filter((target) => !target.slot.commandLike)].slice(0, MAX_SLOTS);
    for (const { operation, input, slot } of chosen) await attack(context, operation, user, input, slot);
    if (targets.length > chosen.length) context.skip('injection', `${targets.length - chosen.length} of ${targets.length} string inputs not tested (at most ${MAX_SLOTS} per scan)`);
  },
});

function stringSlots(operation: Operation): Slot[] {
  const slots: Slot[] = [];
  for (const parameter of operation.parameters) {
    const types = parameter.schema.types;
    if (parameter.in === 'query' && (!types || types.has('string')) && !parameter.schema.enum && !parameter.schema.format) slots.push({ where: 'query', name: parameter.name, commandLike: COMMAND_NAME.test(parameter.name) });
  }
  const body = jsonBody(operation)?.schema;
  for (const [name, property] of body?.properties ?? []) {
    if (property.readOnly || property.enum || property.format || property.pattern || (property.types && !property.types.has('string'))) continue;
    slots.push({ where: 'body', name, commandLike: COMMAND_NAME.test(name) });
  }
  return slots;
}

async function attack(context: ScanContext, operation: Operation, user: Session | null, base: RequestInput, slot: Slot): Promise<void> {
  const marker = `rmp${randomBytes(3).toString('hex')}`;
  const withValue = (value: unknown): RequestInput =>
    slot.where === 'query' ? { ...base, query: { ...(base.query ?? {}), [slot.name]: value as string | string[] } } : { ...base, body: { ...(base.body as Record<string, unknown>), [slot.name]: value } };
  const send = (value: unknown, extraQuery?: Record<string, string>) => {
    const input = withValue(value);
    if (extraQuery) {
      const query = { ...(input.query ?? {}) } as Record<string, string>;
      delete query[slot.name];
      input.query = { ...query, ...extraQuery };
    }
    return context.send(operation, input, { identity: user, probe: 'injection', attack: true });
  };
  const label = `${slot.where} ${slot.name}`;
  const benign = await send(marker);
  if (!benign?.response) return;

  // SQL: error signature, then a boolean differential.
  for (const payload of [`${marker}'`, `${marker}"`]) {
    const exchange = await send(payload);
    if (signatureVerdict(SQL_ERRORS, benign.response.body, exchange?.response?.body)) {
      report(context, rules.sql, operation, `${operationKey(operation)} (${label}) returned an SQL error for a quote: input reaches a query unescaped`, benign, exchange!);
      return;
    }
  }
  if (is2xx(benign.response.status)) {
    const { truthy: always, falsy: never } = booleanPayloads(marker);
    const sendAll = async (payloads: readonly string[]) => {
      const sent: { payload: string; exchange: ScanExchange }[] = [];
      for (const payload of payloads) {
        const exchange = await send(payload);
        if (exchange) sent.push({ payload, exchange });
      }
      return sent;
    };
    const truthy = await sendAll(always);
    const falsy = await sendAll(never);
    const bodies = (list: typeof truthy) => list.map(({ payload, exchange }) => (is2xx(exchange.response?.status) ? withoutEcho(exchange.response!.body, [payload, marker]) : undefined));
    if (differentialVerdict(bodies(truthy), bodies(falsy))) {
      report(context, rules.sql, operation, `${operationKey(operation)} (${label}) answers differently to an always-true and an always-false SQL condition`, falsy[0]!.exchange, truthy[0]!.exchange);
      return;
    }
  }

  // NoSQL: operator objects; an API that ignores them answers $ne and $eq alike.
  const ne = slot.where === 'query' ? await send(undefined, { [`${slot.name}[$ne]`]: marker }) : await send({ $ne: marker });
  const eq = slot.where === 'query' ? await send(undefined, { [`${slot.name}[$eq]`]: marker }) : await send({ $eq: marker });
  if (signatureVerdict(NOSQL_ERRORS, benign.response.body, ne?.response?.body)) {
    report(context, rules.nosql, operation, `${operationKey(operation)} (${label}) returned a NoSQL error for an operator object`, benign, ne!);
    return;
  }
  if (ne && eq && is2xx(ne.response?.status) && is2xx(eq.response?.status) && !jsonEqual(ne.response!.json, eq.response!.json) && ne.response!.body.replace(/\$ne\b/g, '$eq') !== eq.response!.body) {
    const ne2 = slot.where === 'query' ? await send(undefined, { [`${slot.name}[$ne]`]: marker }) : await send({ $ne: marker });
    const eq2 = slot.where === 'query' ? await send(undefined, { [`${slot.name}[$eq]`]: marker }) : await send({ $eq: marker });
    // An echoed operator name is not a difference in what was found.
    const bodies = (list: (ScanExchange | undefined)[]) => list.map((exchange) => (is2xx(exchange?.response?.status) ? exchange!.response!.body.replace(/\$(ne|eq)\b/g, '$op') : undefined));
    if (differentialVerdict(bodies([ne, ne2]), bodies([eq, eq2]))) {
      report(context, rules.nosql, operation, `${operationKey(operation)} (${label}) treats {"$ne": …} and {"$eq": …} as query operators`, eq, ne);
      return;
    }
  }

  // OS command: error signature always; timing only for command-like names (it costs seconds).
  const command = await send(`${marker};echo rampart$((6*7))`);
  if (signatureVerdict(COMMAND_ERRORS, benign.response.body, command?.response?.body) || (command?.response?.body.includes('rampart42') && !benign.response.body.includes('rampart42'))) {
    report(context, rules.command, operation, `${operationKey(operation)} (${label}) shows shell output or a shell error for a command separator`, benign, command!);
    return;
  }
  if (!slot.commandLike) return;
  const delayMs = 1500;
  const baseline: number[] = [];
  const delayed: ScanExchange[] = [];
  for (let round = 0; round < 2; round++) {
    const b = await send(marker);
    if (b?.response) baseline.push(b.response.durationMs);
    const d = await send(`${marker}$(sleep ${delayMs / 1000})`);
    if (d?.response) delayed.push(d);
  }
  if (timingVerdict(baseline, delayed.map((exchange) => exchange.response!.durationMs), delayMs)) {
    report(context, rules.command, operation, `${operationKey(operation)} (${label}) is ${delayMs} ms slower every time a \`sleep\` is embedded`, benign, delayed[0]!);
  }
}

function report(context: ScanContext, check: (typeof rules)[keyof typeof rules], operation: Operation, message: string, benign: ScanExchange, proof: ScanExchange): void {
  context.report(check, { operation }, `${message}.`, [
    { label: 'benign value', exchange: benign },
    { label: 'payload', exchange: proof },
  ]);
}
