import fc from 'fast-check';
import type { Operation, Parameter, Schema } from '../../spec/api.js';
import type { RequestInput, ScanContext } from '../context.js';
import type { Session } from '../identities.js';
import { jsonBody, operationKey } from '../operations.js';
import { validArbitrary, violations, type Violation } from '../payload.js';
import { defineProbe, is2xx, is4xx, is5xx, rule, seedFor } from '../probe.js';
import { validate } from '../schema.js';
import type { ScanExchange } from '../types.js';

const rules = {
  invalidAccepted: rule('scan-invalid-input-accepted', 'warning', 'API8:2023', 'CWE-20', 'A request that violates the documented schema is accepted (2xx).', 'Validate every request against the documented schema and answer 400/422 with the reason.'),
  invalidCrash: rule('scan-invalid-input-server-error', 'error', 'API8:2023', 'CWE-755', 'A request that violates the documented schema makes the server fail (5xx).', 'Validate input before using it; turn validation failures into 4xx.'),
  validCrash: rule('scan-valid-input-server-error', 'error', 'API8:2023', 'CWE-755', 'A request that follows the documented schema makes the server fail (5xx).', 'Handle every documented input; a valid request must never produce a server error.'),
};

/** How a response to a generated input is judged: invalid input must be refused with 4xx, valid input must not fail with 5xx. */
export function inputVerdict(kind: 'valid' | 'invalid', status: number | undefined): 'ok' | 'invalidAccepted' | 'invalidCrash' | 'validCrash' | 'unknown' {
  if (status === undefined) return 'unknown';
  if (kind === 'valid') return is5xx(status) ? 'validCrash' : 'ok';
  if (is4xx(status)) return 'ok';
  if (is2xx(status)) return 'invalidAccepted';
  return is5xx(status) ? 'invalidCrash' : 'ok';
}

/** Text parameters as JSON values, so Ajv judges "12" for an integer as the server would. */
function coerce(schema: Schema, text: string): unknown {
  const types = schema.types ?? new Set<string>();
  if ((types.has('integer') || types.has('number')) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (types.has('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

interface Generated {
  input: RequestInput;
  /** What makes it invalid (invalid inputs only). */
  violation?: string;
}

const SHRINK_BUDGET = 25;

export default defineProbe({
  id: 'input-validation',
  description: 'Generates valid and schema-violating requests per operation with fast-check (query parameters and JSON bodies), shrinks a failing input to a minimal one; `--seed` reproduces a run.',
  falsePositivePolicy:
    'A generated "invalid" input is checked with Ajv against the schema before it is sent; if it is valid after all it is not judged. 401/403/404 count as rejections. Malformed JSON is left to the verbose-errors probe. PUT/PATCH go only to objects the scan created, DELETE never.',
  rules,
  async run(context: ScanContext) {
    const user = context.users()[0] ?? context.admin() ?? null;
    for (const operation of context.api.operations) {
      if (operation.method === 'delete' || operation.method === 'head' || operation.method === 'options' || operation.method === 'trace') continue;
      const identity = context.isAdmin(operation) ? context.admin() ?? user : user;
      const example = context.exampleInput(operation, identity);
      if (!example) {
        context.skip('input-validation', 'no known value for its path parameters', operation);
        continue;
      }
      if (!context.mayWrite(operation, example.created)) {
        context.skip('input-validation', `${operation.method.toUpperCase()} to an object the scan did not create needs --allow-destructive`, operation);
        continue;
      }
      const body = jsonBody(operation)?.schema;
      const query = operation.parameters.filter((parameter) => parameter.in === 'query');
      if (!body && query.length === 0) continue;
      await fuzz(context, operation, identity, example.input, example.created, body, query);
    }
  },
});

async function fuzz(context: ScanContext, operation: Operation, identity: Session | null, base: RequestInput, created: boolean, body: Schema | undefined, query: Parameter[]): Promise<void> {
  const payload = context.payloadContext(identity, operation.path);
  const queryArbitrary = fc.record(
    Object.fromEntries(query.map((parameter) => [parameter.name, validArbitrary(parameter.schema, payload, parameter.name).map((value) => (typeof value === 'object' ? JSON.stringify(value) : String(value)))])),
    { requiredKeys: query.filter((parameter) => parameter.required).map((parameter) => parameter.name) },
  ) as fc.Arbitrary<Record<string, string>>;
  const bodyArbitrary = body ? validArbitrary(body, payload) : fc.constant(undefined);
  const valid: fc.Arbitrary<Generated> = fc.tuple(queryArbitrary, bodyArbitrary).map(([q, b]) => ({ input: { ...base, query: q, body: b } }));

  const breakers: { violation: Violation; part: 'body' | string }[] = [];
  if (body) for (const violation of violations(body, 'json')) breakers.push({ violation, part: 'body' });
  for (const parameter of query) {
    for (const violation of violations(parameter.schema, 'text', parameter.name)) breakers.push({ violation, part: parameter.name });
    if (parameter.required) breakers.push({ violation: { description: `${parameter.name}: required query parameter missing`, apply: () => undefined }, part: parameter.name });
  }
  const invalid: fc.Arbitrary<Generated> | undefined =
    breakers.length === 0
      ? undefined
      : fc.tuple(valid, fc.constantFrom(...breakers)).map(([generated, { violation, part }]) => {
          const input = { ...generated.input, query: { ...(generated.input.query as Record<string, string>) } };
          if (part === 'body') input.body = violation.apply(input.body);
          else {
            const broken = violation.apply(input.query[part]);
            if (broken === undefined) delete input.query[part];
            else input.query[part] = typeof broken === 'object' ? JSON.stringify(broken) : String(broken);
          }
          return { input, violation: violation.description };
        });

  const isInvalid = (generated: Generated): boolean => {
    if (body && generated.input.body !== undefined && (validate(body, 'request', generated.input.body)?.length ?? 0) > 0) return true;
    if (body && generated.input.body === undefined && jsonBody(operation) && operation.requestBody?.required) return true;
    for (const parameter of query) {
      const value = (generated.input.query as Record<string, string>)[parameter.name];
      if (value === undefined) {
        if (parameter.required) return true;
        continue;
      }
      if ((validate(parameter.schema, 'request', coerce(parameter.schema, value))?.length ?? 0) > 0) return true;
    }
    return false;
  };

  for (const kind of ['valid', 'invalid'] as const) {
    const arbitrary = kind === 'valid' ? valid : invalid;
    if (!arbitrary) continue;
    const sent = new Map<string, ScanExchange>();
    let failures = 0;
    let shrinkSteps = 0;
    const property = fc.asyncProperty(arbitrary, async (generated) => {
      if (failures > 0 && ++shrinkSteps > SHRINK_BUDGET) return true;
      if (kind === 'invalid' && !isInvalid(generated)) return true;
      const exchange = await context.send(operation, generated.input, { identity, probe: 'input-validation', scanCreated: created });
      if (!exchange) return true;
      if (kind === 'valid' && exchange.response && is2xx(exchange.response.status)) context.pool.learn(exchange, operation, identity?.name ?? 'anonymous');
      const verdict = inputVerdict(kind, exchange.response?.status);
      if (verdict === 'ok' || verdict === 'unknown') return true;
      failures++;
      sent.set(JSON.stringify(generated), exchange);
      return false;
    });
    const seed = seedFor(context.settings.seed, `${kind} ${operationKey(operation)}`);
    const result = await fc.check(property, { seed, numRuns: context.settings.fuzzRuns, verbose: 0 });
    if (!result.failed || !result.counterexample) continue;
    const [minimal] = result.counterexample as [Generated];
    const exchange = sent.get(JSON.stringify(minimal));
    if (!exchange) continue;
    const verdict = inputVerdict(kind, exchange.response?.status);
    if (verdict === 'ok' || verdict === 'unknown') continue;
    const what = kind === 'valid' ? 'a schema-valid request' : `an invalid request (${minimal.violation})`;
    context.report(rules[verdict], { operation }, `${operationKey(operation)} answered ${exchange.response!.status} to ${what}; minimal example after ${result.numShrinks} shrinks.`, [{ label: 'minimal failing input', exchange }], {
      seed: context.settings.seed,
      operationSeed: seed,
      failingInputs: failures,
      shrinks: result.numShrinks,
      violation: minimal.violation,
    });
  }
}
