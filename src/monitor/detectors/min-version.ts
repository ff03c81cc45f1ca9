import { defineDetector, operationKey, type RequestView } from '../types.js';

const VERSION_HEADERS = ['api-version', 'x-api-version', 'accept-version'];

/** The API version a request asks for: a `/v2/` path segment or an `Api-Version`-style header; undefined when it names none. */
export function requestedVersion(view: Pick<RequestView, 'url' | 'headers'>): string | undefined {
  for (const name of VERSION_HEADERS) {
    const value = view.headers[name];
    if (value && /^v?\d+(\.\d+)*$/i.test(value.trim())) return value.trim().replace(/^v/i, '');
  }
  const segment = /\/v(\d+(?:\.\d+)*)(?=\/|$)/i.exec(view.url.pathname);
  return segment?.[1];
}

/** Numeric, part by part: 1.10 > 1.9. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let k = 0; k < Math.max(left.length, right.length); k++) {
    const diff = (left[k] ?? 0) - (right[k] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Calls to an API version older than the configured minimum (`--min-version`). Requests that name
 * no version are not judged (errs on false negatives). Does nothing unless a minimum is set.
 */
export default defineDetector({
  id: 'min-version',
  description: 'A client calls an API version older than the configured minimum.',
  severity: 'warning',
  owasp: ['API9:2023'],
  cwe: ['CWE-477'],
  fix: 'Move the client to a supported version; retire the old one.',
  defaultMode: 'monitor',
  enforceable: true,
  needsSpec: false,
  errsOn: 'false-negative',
  thresholds: {},
  create(_options, context) {
    const minimum = context.minVersion?.replace(/^v/i, '');
    return {
      request(view) {
        if (!minimum) return undefined;
        const version = requestedVersion(view);
        if (version === undefined || compareVersions(version, minimum) >= 0) return undefined;
        const operation = operationKey(view);
        return {
          message: `${view.identity.id} called ${operation} with API version ${version}, below the minimum ${minimum}`,
          key: `${view.identity.id} ${version}`,
          evidence: { version, minimum },
          block: { status: 403, title: 'API version no longer supported' },
        };
      },
    };
  },
});
