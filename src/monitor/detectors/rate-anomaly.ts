import { LruMap, newSlidingCount, slide, type SlidingCount } from '../state.js';
import { defineDetector, identityOperationKey, operationKey } from '../types.js';

/**
 * Request rate per identity per operation, and per operation for everyone together (a flood spread
 * over many identities), over a sliding window. Errs on false negatives: limits are generous
 * defaults meant to be tuned down per API.
 */
export default defineDetector({
  id: 'rate-anomaly',
  description: 'An identity, or everyone together, calls one operation faster than the configured rate (abuse or denial of service).',
  severity: 'warning',
  owasp: ['API4:2023'],
  cwe: ['CWE-770'],
  fix: 'Throttle the identity; add a rate limit to the operation (429 with Retry-After).',
  defaultMode: 'monitor',
  enforceable: true,
  needsSpec: false,
  errsOn: 'false-negative',
  thresholds: {
    windowSeconds: { default: 10, description: 'Length of the sliding window.' },
    perIdentity: { default: 200, description: 'Requests one identity may send to one operation within the window.' },
    perOperation: { default: 5000, description: 'Requests all identities together may send to one operation within the window.' },
    maxTracked: { default: 50_000, description: 'Identity × operation counters remembered (least recently used forgotten first).' },
  },
  create(options) {
    const windowMs = options.windowSeconds * 1000;
    const byIdentity = new LruMap<string, SlidingCount>(options.maxTracked);
    const byOperation = new LruMap<string, SlidingCount>(10_000);
    return {
      stateSize: () => byIdentity.size + byOperation.size,
      request(view) {
        const operation = operationKey(view);
        const key = identityOperationKey(view);
        // get, then set when absent: no closure per request for the rare creation.
        let identityCount = byIdentity.get(key);
        if (!identityCount) byIdentity.set(key, (identityCount = newSlidingCount(view.now)));
        let operationCount = byOperation.get(operation);
        if (!operationCount) byOperation.set(operation, (operationCount = newSlidingCount(view.now)));
        const mine = slide(identityCount, view.now, windowMs);
        const everyone = slide(operationCount, view.now, windowMs);
        if (mine > options.perIdentity) {
          return {
            message: `${view.identity.id} sent ${Math.round(mine)} requests to ${operation} within ${options.windowSeconds}s (limit ${options.perIdentity})`,
            key: `identity ${key}`,
            evidence: { rate: Math.round(mine), windowSeconds: options.windowSeconds, limit: options.perIdentity, scope: 'identity' },
            block: { status: 429, title: 'Too many requests', retryAfterSeconds: options.windowSeconds },
          };
        }
        if (everyone > options.perOperation) {
          return {
            message: `${operation} received ${Math.round(everyone)} requests within ${options.windowSeconds}s from all identities (limit ${options.perOperation})`,
            key: `operation ${operation}`,
            evidence: { rate: Math.round(everyone), windowSeconds: options.windowSeconds, limit: options.perOperation, scope: 'operation' },
            block: { status: 429, title: 'Too many requests', retryAfterSeconds: options.windowSeconds },
          };
        }
        return undefined;
      },
    };
  },
});
