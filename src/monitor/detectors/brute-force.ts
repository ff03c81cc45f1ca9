import { LruMap, newSlidingCount, slide, WindowedDistinct, type SlidingCount } from '../state.js';
import { defineDetector, operationKey, type RequestView } from '../types.js';

const LOGIN_PATH = /(^|\/)(login|log-in|signin|sign-in|token|oauth|auth|authenticate|session|sessions)(\/|$)/i;
const USER_FIELDS = ['username', 'user', 'login', 'email', 'userName', 'user_name', 'account', 'client_id'];

/** A credential check: POST to a login-looking path, or any request whose JSON/form body carries a password field. */
function isAuthAttempt(view: RequestView, body: unknown): boolean {
  if (view.method === 'POST' && LOGIN_PATH.test(view.operation?.path ?? view.url.pathname)) return true;
  return Boolean(body && typeof body === 'object' && Object.keys(body).some((key) => /^(password|passwd|pass|secret)$/i.test(key)));
}

function userNameOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  for (const field of USER_FIELDS) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value === 'string' && value) return value.slice(0, 256);
  }
  return undefined;
}

/**
 * Failed credential checks (401/403 on a login operation) per client address and per user name,
 * and distinct user names tried from one address (credential stuffing). Errs on false negatives:
 * only answers a login operation counts, and a success does not reset the count (stuffing succeeds sometimes).
 */
export default defineDetector({
  id: 'brute-force',
  description: 'Many failed logins from one client, against one user name, or with many user names from one client (credential stuffing).',
  severity: 'error',
  owasp: ['API2:2023'],
  cwe: ['CWE-307'],
  fix: 'Lock out or slow down the client; require MFA or CAPTCHA after failures; check for leaked credential lists.',
  defaultMode: 'monitor',
  enforceable: true,
  needsSpec: false,
  errsOn: 'false-negative',
  thresholds: {
    windowSeconds: { default: 300, description: 'Length of the sliding window for failures and user names.' },
    failuresPerClient: { default: 10, description: 'Failed logins from one client address (or identity) within the window.' },
    failuresPerUser: { default: 10, description: 'Failed logins for one user name, from anywhere, within the window.' },
    usernamesPerClient: { default: 5, description: 'Distinct user names one client address tries within the window.' },
    blockSeconds: { default: 300, description: 'In enforce mode, how long a flagged client gets 429 on login operations.' },
    maxTracked: { default: 50_000, description: 'Clients and user names remembered (least recently used forgotten first).' },
  },
  create(options) {
    const windowMs = options.windowSeconds * 1000;
    const failuresByClient = new LruMap<string, SlidingCount>(options.maxTracked);
    const failuresByUser = new LruMap<string, SlidingCount>(options.maxTracked);
    const usernamesByClient = new LruMap<string, WindowedDistinct>(options.maxTracked);
    const blockedUntil = new LruMap<string, number>(options.maxTracked);
    const clientOf = (view: RequestView) => (view.identity.ip !== 'unknown' ? `ip:${view.identity.ip}` : view.identity.id);
    return {
      stateSize: () => failuresByClient.size + failuresByUser.size + usernamesByClient.size,
      request(view) {
        // Nobody locked out (the usual case): no client key built for every request.
        if (blockedUntil.size === 0) return undefined;
        const until = blockedUntil.peek(clientOf(view));
        if (until === undefined || until <= view.now || !isAuthAttempt(view, undefined)) return undefined;
        return {
          message: `${clientOf(view)} is locked out of ${operationKey(view)} after repeated failed logins`,
          key: `locked ${clientOf(view)}`,
          evidence: { lockedUntil: new Date(until).toISOString() },
          silent: true,
          block: { status: 429, title: 'Too many failed logins', retryAfterSeconds: Math.ceil((until - view.now) / 1000) },
        };
      },
      response(view) {
        if (!isAuthAttempt(view, view.requestJson)) return undefined;
        const client = clientOf(view);
        const user = userNameOf(view.requestJson);
        // Tried user names count on success too: stuffing lists contain some valid pairs.
        const names = user === undefined ? 0 : usernamesByClient.upsert(client, () => new WindowedDistinct(options.usernamesPerClient + 1, windowMs)).add(user, view.now);
        const failed = view.status === 401 || view.status === 403;
        const fromClient = failed ? slide(failuresByClient.upsert(client, () => newSlidingCount(view.now)), view.now, windowMs) : 0;
        const forUser = failed && user !== undefined ? slide(failuresByUser.upsert(user, () => newSlidingCount(view.now)), view.now, windowMs) : 0;
        const flag = (message: string, kind: string, evidence: Record<string, unknown>) => {
          blockedUntil.set(client, view.now + options.blockSeconds * 1000);
          return { message, key: `${kind} ${client}`, evidence: { pattern: kind, windowSeconds: options.windowSeconds, ...evidence } };
        };
        if (names > options.usernamesPerClient) {
          return flag(`${client} tried ${names} different user names on ${operationKey(view)} within ${options.windowSeconds}s (limit ${options.usernamesPerClient}): credential stuffing`, 'credential-stuffing', { distinctUsernames: names, limit: options.usernamesPerClient });
        }
        if (fromClient >= options.failuresPerClient) {
          return flag(`${client} failed ${Math.round(fromClient)} logins on ${operationKey(view)} within ${options.windowSeconds}s (limit ${options.failuresPerClient})`, 'brute-force-client', { failures: Math.round(fromClient), limit: options.failuresPerClient });
        }
        if (forUser >= options.failuresPerUser) {
          // The user name is evidence of the target, but it is personal data: only its length and a hash-free count leave.
          return { message: `one user name had ${Math.round(forUser)} failed logins on ${operationKey(view)} within ${options.windowSeconds}s (limit ${options.failuresPerUser})`, key: `brute-force-user ${user}`, evidence: { pattern: 'brute-force-user', failures: Math.round(forUser), limit: options.failuresPerUser, windowSeconds: options.windowSeconds } };
        }
        return undefined;
      },
    };
  },
});
