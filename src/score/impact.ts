/**
 * How much a rule weighs in the score beyond its severity (README "## Score"). Without it every
 * active rule weighs the same, and the per-schema checks that fail on every real document (string
 * and integer bounds, CORS headers, server inventory extensions) decided the score: the corpus
 * bunched between 71 and 82 and a description with no authentication at all scored above Stripe.
 */
export type Impact = 'critical' | 'standard' | 'hygiene';

export const IMPACT_FACTOR: Record<Impact, number> = { critical: 4, standard: 1, hygiene: 0.25 };

/** Controls whose absence is an attack path on its own: authentication, transport, credentials, secrets, a valid document. */
const CRITICAL = new Set([
  'owasp-api2-write-restricted',
  'owasp-api2-read-restricted',
  'owasp-api2-no-api-keys-in-url',
  'owasp-api2-no-credentials-in-url',
  'owasp-api2-no-http-basic',
  'owasp-api2-auth-insecure-schemes',
  'owasp-api2-no-implicit-or-password-flow',
  'owasp-api3-sensitive-data-exposure',
  'owasp-api3-no-pii-in-url',
  'owasp-api3-server-fields-read-only',
  'owasp-api5-admin-security-unique',
  'owasp-api8-no-http-servers',
  'oas3-schema',
  'oas2-schema',
  'path-params',
]);

/**
 * Per-schema and per-response hygiene that nearly every real description fails (see the corpus
 * table in the README): still reported, still costing, but a quarter of a standard rule.
 */
const HYGIENE = new Set([
  'owasp-api4-string-limit',
  'owasp-api4-string-restricted',
  'owasp-api4-integer-limit',
  'owasp-api4-integer-format',
  'owasp-api4-array-limit',
  'owasp-api4-rate-limit',
  'owasp-api3-no-additional-properties',
  'owasp-api3-constrained-additional-properties',
  'owasp-api8-define-cors-origin',
  'owasp-api9-inventory-access',
  'owasp-api9-inventory-environment',
]);

export function impactOf(ruleId: string): Impact {
  return CRITICAL.has(ruleId) ? 'critical' : HYGIENE.has(ruleId) ? 'hygiene' : 'standard';
}
