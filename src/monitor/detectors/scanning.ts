import { LruMap, newSlidingCount, slide, WindowedDistinct, type SlidingCount } from '../state.js';
import { defineDetector } from '../types.js';

/**
 * Reconnaissance: bursts of 404/405 answers, or many distinct paths, from one identity (the client
 * address for anonymous callers). Errs on false negatives: crawlers of a big catalogue legitimately
 * visit many paths, so the distinct-path limit is high and counted on raw paths.
 */
export default defineDetector({
  id: 'scanning',
  description: 'One client triggers many 404/405 answers or visits very many distinct paths (scanning, fuzzing, forced browsing).',
  severity: 'warning',
  owasp: ['API9:2023', 'API8:2023'],
  cwe: ['CWE-200'],
  fix: 'Block or slow down the client; make sure nothing undocumented answers on the paths it found.',
  defaultMode: 'monitor',
  enforceable: true,
  needsSpec: false,
  errsOn: 'false-negative',
  thresholds: {
    windowSeconds: { default: 60, description: 'Length of the sliding window.' },
    notFound: { default: 30, description: '404/405 answers one client may get within the window.' },
    distinctPaths: { default: 300, description: 'Distinct raw paths one client may visit within the window.' },
    blockSeconds: { default: 300, description: 'In enforce mode, how long a flagged client gets 403.' },
    maxTracked: { default: 50_000, description: 'Clients remembered (least recently used forgotten first).' },
  },
  create(options) {
    const windowMs = options.windowSeconds * 1000;
    const misses = new LruMap<string, SlidingCount>(options.maxTracked);
    const paths = new LruMap<string, WindowedDistinct>(options.maxTracked);
    const blockedUntil = new LruMap<string, number>(options.maxTracked);
    return {
      stateSize: () => misses.size + paths.size,
      request(view) {
        if (blockedUntil.size === 0) return undefined;
        const until = blockedUntil.peek(view.identity.id);
        if (until === undefined || until <= view.now) return undefined;
        return {
          message: `${view.identity.id} is blocked after scanning`,
          key: `blocked ${view.identity.id}`,
          evidence: { blockedUntil: new Date(until).toISOString() },
          silent: true,
          block: { status: 403, title: 'Scanning detected', retryAfterSeconds: Math.ceil((until - view.now) / 1000) },
        };
      },
      response(view) {
        const client = view.identity.id;
        let visited = paths.get(client);
        if (!visited) paths.set(client, (visited = new WindowedDistinct(options.distinctPaths + 1, windowMs)));
        const distinct = visited.add(view.url.pathname.slice(0, 512), view.now);
        const missed = view.status === 404 || view.status === 405 ? slide(misses.upsert(client, () => newSlidingCount(view.now)), view.now, windowMs) : 0;
        const flag = (message: string, evidence: Record<string, unknown>) => {
          blockedUntil.set(client, view.now + options.blockSeconds * 1000);
          return { message, key: `scan ${client}`, evidence: { windowSeconds: options.windowSeconds, ...evidence } };
        };
        if (missed >= options.notFound) return flag(`${client} got ${Math.round(missed)} 404/405 answers within ${options.windowSeconds}s (limit ${options.notFound})`, { pattern: 'not-found-burst', notFound: Math.round(missed), limit: options.notFound });
        if (distinct > options.distinctPaths) return flag(`${client} visited ${distinct}+ distinct paths within ${options.windowSeconds}s (limit ${options.distinctPaths})`, { pattern: 'distinct-paths', distinctPaths: distinct, limit: options.distinctPaths });
        return undefined;
      },
    };
  },
});
