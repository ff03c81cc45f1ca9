import type { ScanContext } from '../context.js';
import { operationKey, pathParams } from '../operations.js';
import { defineProbe, is2xx, jsonEqual, rule, sameShape } from '../probe.js';
import type { ScanResponse } from '../types.js';

const rules = {
  bola: rule('scan-bola', 'error', 'API1:2023', 'CWE-639', "One user can read or change another user's object by its ID.", 'Check on every request that the caller owns (or may access) the object named by the ID.'),
};

type Answer = Pick<ScanResponse, 'status' | 'json'> | undefined;

/**
 * B reached A's object: B got 2xx with the body A got (same object, or for writes at least the
 * same shape), and an anonymous caller did not (public objects are not BOLA).
 */
export function bolaVerdict(owner: Answer, other: Answer, anonymous: Answer, write = false): boolean {
  if (!owner || !other || !is2xx(owner.status) || !is2xx(other.status)) return false;
  if (anonymous && is2xx(anonymous.status)) return false;
  return write ? sameShape(owner.json, other.json) : jsonEqual(owner.json, other.json) || (sameShape(owner.json, other.json) && sameId(owner.json, other.json));
}

function sameId(a: unknown, b: unknown): boolean {
  const id = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).id : undefined);
  return id(a) !== undefined && id(a) === id(b);
}

export default defineProbe({
  id: 'bola',
  description: "With two user identities: IDs learned from A's own responses are requested by B (reads always; changes only on objects the scan created).",
  falsePositivePolicy: 'Reported only when B gets the same object A gets (equal body, or same shape and same id), an anonymous request does not succeed, and B did not see the ID among its own objects (any it listed or created: an object shared with B is one B may read).',
  rules,
  async run(context: ScanContext) {
    const [owner, other] = context.users();
    if (!owner || !other) {
      context.skip('bola', 'needs two user identities (scan.identities with role user); BOLA not tested');
      return;
    }
    const operations = context.api.operations.filter((operation) => pathParams(operation).length > 0 && !context.isAdmin(operation) && ['get', 'patch', 'put'].includes(operation.method));
    for (const operation of operations) {
      const example = context.exampleInput(operation, owner);
      if (!example) {
        context.skip('bola', `no ID of ${owner.name}'s is known for ${pathParams(operation).join(', ')}`, operation);
        continue;
      }
      const write = operation.method !== 'get';
      if (write && !context.mayWrite(operation, example.created)) continue;
      const sharedIds = pathParams(operation).some((name) => context.knownValues(operation, name, other.name).includes(example.input.path?.[name] ?? ''));
      if (sharedIds) continue;
      const mine = await context.send(operation, example.input, { identity: owner, probe: 'bola', scanCreated: example.created });
      if (!mine?.response || !is2xx(mine.response.status)) continue;
      const theirs = await context.send(operation, example.input, { identity: other, probe: 'bola', attack: true, scanCreated: example.created });
      if (!theirs?.response || !is2xx(theirs.response.status)) continue;
      const anonymous = write ? undefined : await context.send(operation, example.input, { identity: null, probe: 'bola', attack: true });
      if (bolaVerdict(mine.response, theirs.response, anonymous?.response, write)) {
        context.report(rules.bola, { operation }, `${other.name} ${write ? 'changed' : 'read'} ${owner.name}'s object through ${operationKey(operation)} (${theirs.response.status}).`, [
          { label: `${owner.name} (owner)`, exchange: mine },
          { label: `${other.name} (another user)`, exchange: theirs },
        ], { owner: owner.name, attacker: other.name, ids: example.input.path });
      }
    }
  },
});
