import { BoundedSet, LruMap, WindowedDistinct } from '../state.js';
import { defineDetector, identityOperationKey, operationKey, type RequestView } from '../types.js';

const ID_KEY = /^(id|uuid|.*[a-z0-9]Id|.*_id|.*-id)$/;
const MAX_IDS_PER_RESPONSE = 500;

/** Object IDs handed out in a response body: values of `id`, `*Id`, `*_id` keys (bounded walk). */
export function idsGiven(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 8 || out.length >= MAX_IDS_PER_RESPONSE || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 200)) idsGiven(item, out, depth + 1);
    return out;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    const child = object[key];
    if ((typeof child === 'string' || typeof child === 'number') && ID_KEY.test(key)) out.push(String(child));
    else if (child && typeof child === 'object') idsGiven(child, out, depth + 1);
  }
  return out;
}

const NO_IDS: readonly [string, string][] = [];

/** Object IDs in the path, by parameter name; the caller's own subject is not an object of someone else. */
function objectIds(view: RequestView): readonly [string, string][] {
  let ids: [string, string][] | undefined;
  let own: string | undefined;
  // Loops instead of entries/filter: this runs twice per request.
  for (const name in view.pathParams) {
    const value = view.pathParams[name]!;
    if (own === undefined && view.identity.kind === 'jwt') own = view.identity.id.slice(4);
    if (value !== own && value !== 'me') (ids ??= []).push([name, value]);
  }
  return ids ?? NO_IDS;
}

/** The one value a window counts for a set of IDs (`42`, or `7/42` for nested resources). */
function idsValue(ids: readonly [string, string][]): string {
  return ids.length === 1 ? ids[0]![1] : ids.map(([, value]) => value).join('/');
}

/**
 * Broken object-level authorization, seen from traffic: one identity walking through many object
 * IDs of one operation (enumeration), or successfully reading objects whose IDs it was never given
 * in its own earlier responses. Only authenticated identities on operations that take an ID count
 * (on documented operations, only secured ones). Errs on false negatives: IDs learned before the
 * proxy started look foreign, so several foreign successes are needed before an alert.
 */
export default defineDetector({
  id: 'bola',
  description: 'An identity enumerates object IDs, or reads objects whose IDs it was never given (broken object-level authorization).',
  severity: 'error',
  owasp: ['API1:2023'],
  cwe: ['CWE-639'],
  fix: 'Check object ownership on every access to the operation; use unguessable IDs as defence in depth.',
  defaultMode: 'monitor',
  enforceable: true,
  needsSpec: false,
  errsOn: 'false-negative',
  thresholds: {
    windowSeconds: { default: 60, description: 'Sliding window for distinct IDs and foreign reads.' },
    distinctIds: { default: 30, description: 'Distinct object IDs one identity may request from one operation within the window.' },
    foreignReads: { default: 3, description: 'Successful reads of IDs never given to the identity, per operation, before an alert.' },
    givenIdsPerIdentity: { default: 2000, description: 'IDs remembered per identity as given to it (oldest forgotten first).' },
    maxTracked: { default: 50_000, description: 'Identities (and identity × operation pairs) remembered.' },
  },
  create(options) {
    const windowMs = options.windowSeconds * 1000;
    const requested = new LruMap<string, WindowedDistinct>(options.maxTracked);
    const foreign = new LruMap<string, WindowedDistinct>(options.maxTracked);
    const given = new LruMap<string, BoundedSet>(options.maxTracked);
    const applies = (view: RequestView) => view.identity.kind !== 'ip' && (!view.operation || view.operation.secured);
    return {
      stateSize: () => requested.size + foreign.size + given.size,
      request(view) {
        if (!applies(view)) return undefined;
        const ids = objectIds(view);
        if (ids.length === 0) return undefined;
        const operation = operationKey(view);
        const key = identityOperationKey(view);
        let seen = requested.get(key);
        if (!seen) requested.set(key, (seen = new WindowedDistinct(options.distinctIds + 1, windowMs)));
        const count = seen.add(idsValue(ids), view.now);
        if (count > options.distinctIds) {
          return {
            message: `${view.identity.id} requested ${count}+ distinct object IDs from ${operation} within ${options.windowSeconds}s (limit ${options.distinctIds}): enumeration`,
            key: `enumeration ${key}`,
            evidence: { pattern: 'enumeration', distinctIds: count, limit: options.distinctIds, windowSeconds: options.windowSeconds, parameters: ids.map(([name]) => name) },
            block: { status: 403, title: 'Object access pattern refused' },
          };
        }
        const reads = foreign.peek(key);
        const mine = given.peek(view.identity.id);
        if (reads && reads.size >= options.foreignReads && ids.some(([, value]) => !mine?.has(value))) {
          return {
            message: `${view.identity.id} keeps requesting objects of ${operation} it was never given`,
            key: `foreign ${key}`,
            evidence: { pattern: 'foreign-ids', foreignReads: reads.size, limit: options.foreignReads },
            block: { status: 403, title: 'Object access refused' },
          };
        }
        return undefined;
      },
      response(view) {
        if (view.identity.kind === 'ip') return undefined;
        const ok = view.status >= 200 && view.status < 300;
        const ids = applies(view) ? objectIds(view) : NO_IDS;
        let hit;
        let wasForeign = false;
        if (ok && ids.length > 0) {
          const mine = given.peek(view.identity.id);
          const unknown = ids.filter(([, value]) => !mine?.has(value));
          if (unknown.length > 0 && view.method === 'GET') {
            wasForeign = true;
            const operation = operationKey(view);
            const key = identityOperationKey(view);
            let reads = foreign.get(key);
            if (!reads) foreign.set(key, (reads = new WindowedDistinct(options.foreignReads + 1, windowMs)));
            const count = reads.add(idsValue(unknown), view.now);
            if (count >= options.foreignReads) {
              hit = {
                message: `${view.identity.id} read ${count} objects of ${operation} whose IDs it was never given (limit ${options.foreignReads})`,
                key: `foreign ${key}`,
                evidence: { pattern: 'foreign-ids', foreignReads: count, limit: options.foreignReads, windowSeconds: options.windowSeconds, parameters: unknown.map(([name]) => name) },
              };
            }
          }
        }
        // Learn what this identity was given (after judging: the response to a foreign read is not a gift).
        if (ok && view.responseJson !== undefined && !wasForeign) {
          const found = idsGiven(view.responseJson);
          if (found.length > 0) {
            const mine = given.upsert(view.identity.id, () => new BoundedSet(options.givenIdsPerIdentity));
            for (const id of found) mine.add(id);
          }
        }
        return hit;
      },
    };
  },
});
