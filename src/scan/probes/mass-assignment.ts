import type { Schema } from '../../spec/api.js';
import type { ScanContext } from '../context.js';
import { isCreate, itemOperation, jsonBody, operationKey, pathParams, resourceOfPath, successSchema } from '../operations.js';
import { defineProbe, is2xx, jsonEqual, rule } from '../probe.js';

const rules = {
  massAssignment: rule('scan-mass-assignment', 'error', 'API3:2023', 'CWE-915', 'A read-only or privileged property sent in a write is accepted and stored.', 'Bind requests to an explicit list of writable fields; ignore or reject read-only ones.'),
};

const PRIVILEGED = /^(role|roles|isAdmin|is_admin|admin|balance|credit|credits|owner|ownerId|owner_id|userId|user_id|permissions|scopes|verified|isVerified|approved|status|price|discount|tenantId|accountType|plan)$/;
const MAX_PROPERTIES = 4;

/** Properties worth injecting: read-only ones in the request schema, and privileged ones only the response shows. */
export function candidateProperties(request: Schema, response: Schema | undefined): { name: string; schema: Schema }[] {
  const found = new Map<string, Schema>();
  for (const [name, property] of request.properties) if (property.readOnly && !isIdentifier(name)) found.set(name, property);
  for (const [name, property] of response?.properties ?? []) {
    if (found.has(name) || isIdentifier(name)) continue;
    const writable = request.properties.get(name);
    if (PRIVILEGED.test(name) && (!writable || writable.readOnly)) found.set(name, property);
  }
  return [...found].map(([name, schema]) => ({ name, schema }));
}

/** A value for `property` that differs from what the server chose by itself (`baseline`). */
export function injectedValue(schema: Schema, baseline: unknown): unknown {
  if (schema.enum && schema.enum.length > 0) {
    const privileged = schema.enum.find((value) => /admin|owner|super|root|approved|paid|verified/i.test(String(value)) && value !== baseline);
    return privileged ?? schema.enum.find((value) => value !== baseline && value !== null);
  }
  const type = schema.types ? [...schema.types][0] : typeof baseline;
  if (type === 'number' || type === 'integer') return typeof baseline === 'number' ? baseline + 1000000 : 1000000;
  if (type === 'boolean') return baseline === true ? false : true;
  if (type === 'string') return `rampart-${String(baseline ?? 'x').length}-injected`;
  return undefined;
}

/** Persisted when the value read back is the injected one and not what the server picks on its own. */
export function persistedVerdict(injected: unknown, baseline: unknown, readBack: unknown): boolean {
  return injected !== undefined && !jsonEqual(injected, baseline) && jsonEqual(readBack, injected);
}

export default defineProbe({
  id: 'mass-assignment',
  description: 'Creates an object normally, then again with one read-only or privileged property set, and reads the second back to see whether the value was stored.',
  falsePositivePolicy: 'Only a value read back by a separate GET counts (an echo in the write response is not proof), and only when it differs from the value the server chose for the plain object.',
  rules,
  async run(context: ScanContext) {
    const user = context.users()[0] ?? context.admin();
    if (!user) {
      context.skip('mass-assignment', 'no identity logged in');
      return;
    }
    const creates = context.api.operations.filter((operation) => isCreate(operation) && !context.isAdmin(operation) && pathParams(operation).length === 0);
    for (const create of creates) {
      const request = jsonBody(create)?.schema;
      const read = itemOperation(context.api, create.path, 'get');
      const candidates = request ? candidateProperties(request, successSchema(create) ?? (read && successSchema(read))) : [];
      if (!request || candidates.length === 0) continue;
      if (!read) {
        context.skip('mass-assignment', 'no GET on the created object to read a value back', create);
        continue;
      }
      const example = context.exampleInput(create, user);
      if (!example) continue;
      const resource = resourceOfPath(create.path) ?? '';
      const readBack = async (response: unknown, label: string) => {
        const id = idOf(response, resource);
        if (id === undefined) return undefined;
        const param = pathParams(read)[0]!;
        return context.send(read, { path: { [param]: id } }, { identity: user, probe: 'mass-assignment' }).then((exchange) => ({ exchange, label }));
      };
      const plain = await context.send(create, example.input, { identity: user, probe: 'mass-assignment' });
      if (!plain?.response || !is2xx(plain.response.status)) continue;
      context.pool.learn(plain, create, user.name);
      const baselineRead = await readBack(plain.response.json, 'plain object read back');
      const baseline = baselineRead?.exchange?.response?.json as Record<string, unknown> | undefined;
      if (!baseline) continue;
      for (const { name, schema } of candidates.slice(0, MAX_PROPERTIES)) {
        const value = injectedValue(schema, baseline[name]);
        if (value === undefined) continue;
        const body = { ...(example.input.body as Record<string, unknown>), [name]: value };
        const write = await context.send(create, { ...example.input, body }, { identity: user, probe: 'mass-assignment', attack: true });
        if (!write?.response || !is2xx(write.response.status)) continue;
        context.pool.learn(write, create, user.name);
        const check = await readBack(write.response.json, `${name} read back`);
        const stored = (check?.exchange?.response?.json as Record<string, unknown> | undefined)?.[name];
        if (check?.exchange && persistedVerdict(value, baseline[name], stored)) {
          context.report(rules.massAssignment, { operation: create }, `${operationKey(create)} stored the ${schema.readOnly ? 'read-only' : 'privileged'} property "${name}" sent by ${user.name} (read back through ${operationKey(read)}).`, [
            { label: `${name} injected`, exchange: write },
            { label: check.label, exchange: check.exchange },
          ], { property: name, resource: resourceOfPath(create.path), serverDefault: baseline[name] }, {
            // The read-back alone shows a stored value, not who stored it: replay the write first.
            steps: [
              { comment: `1. create as ${user.name}, with "${name}" set`, exchange: write },
              { comment: `2. read it back: "${name}" holds the value sent (replaying, put the id step 1 answers in the URL)`, exchange: check.exchange },
            ],
          });
        }
      }
    }
  },
});

function idOf(body: unknown, resource: string): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  for (const key of ['id', `${resource}Id`, `${resource}_id`, '_id', 'uuid']) {
    const id = (body as Record<string, unknown>)[key];
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return undefined;
}

/** Identifiers are read-only by nature; sending one is not mass assignment of a privilege. */
const isIdentifier = (name: string) => /^(_?id|uuid)$/i.test(name) || /[a-z](Id|_id|ID)$/.test(name) && !/^(owner|user|tenant|account)/i.test(name);
