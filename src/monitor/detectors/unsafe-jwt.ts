import { defineDetector } from '../types.js';

/**
 * Unsafe tokens presented by clients: `alg: none` or an empty signature, no `exp`, a lifetime over
 * the limit, an HMAC secret from the list of guessable ones, or a signature that does not verify
 * against the configured key. One alert per identity and weakness set per cooldown. Errs on false
 * positives: a token that is unsafe once is unsafe every time it is replayed.
 */
export default defineDetector({
  id: 'unsafe-jwt',
  description: 'A client presents an unsafe JWT: alg none, no expiry, a very long lifetime, a guessable secret, or a bad signature.',
  severity: 'error',
  owasp: ['API2:2023'],
  cwe: ['CWE-347'],
  fix: 'Reject such tokens at the API; issue short-lived tokens signed with a strong key; pin the accepted algorithms.',
  defaultMode: 'monitor',
  enforceable: true,
  needsSpec: false,
  errsOn: 'false-positive',
  thresholds: {
    maxLifetimeSeconds: { default: 86_400, description: 'Token lifetime (exp − iat) above which a token is called long-lived.' },
  },
  create(options) {
    return {
      request(view) {
        const jwt = view.identity.jwt;
        if (!jwt) return undefined;
        const problems: string[] = [];
        if (jwt.weaknesses.includes('jwt-alg-none')) problems.push('alg none / unsigned');
        if (jwt.weaknesses.includes('jwt-weak-secret')) problems.push('guessable HMAC secret');
        if (jwt.weaknesses.includes('jwt-no-exp')) problems.push('no exp');
        if (jwt.lifetimeSeconds !== undefined && jwt.lifetimeSeconds > options.maxLifetimeSeconds) problems.push(`lifetime ${jwt.lifetimeSeconds}s`);
        if (view.identity.invalidSignature) problems.push('signature does not verify');
        if (problems.length === 0) return undefined;
        return {
          message: `${view.identity.id} presented an unsafe JWT (${problems.join(', ')})`,
          key: `${view.identity.id} ${problems.join(',')}`,
          // Claim names and the algorithm only; never the token.
          evidence: { alg: jwt.alg, problems, claims: jwt.claims, lifetimeSeconds: jwt.lifetimeSeconds },
          block: { status: 403, title: 'Unsafe token refused' },
        };
      },
    };
  },
});
