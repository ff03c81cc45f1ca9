import { defineCheck, endpointLocation, type CheckReport } from './check.js';

const MESSAGES: Record<string, string> = {
  'jwt-alg-none': 'unsigned tokens (alg "none") are accepted',
  'jwt-weak-secret': 'tokens are signed with a guessable HMAC secret',
  'jwt-no-exp': 'tokens have no expiry (exp)',
  'jwt-long-lifetime': 'tokens live longer than 24 hours',
  'jwt-sensitive-claims': 'tokens carry sensitive claims (readable by anyone holding them)',
};

export default defineCheck({
  id: 'jwt-weakness',
  description: 'Bearer JWTs seen in traffic are weak: alg none, guessable secret, no exp, long lifetime, sensitive claims.',
  defaultSeverity: 'error',
  needsSpec: false,
  owasp: ['API2:2023'],
  cwe: ['CWE-287', 'CWE-347'],
  fix: 'Sign tokens with a strong key (or an asymmetric algorithm), set short expiries, keep secrets out of claims.',
  run: ({ inventory }) => {
    const reports: CheckReport[] = [];
    for (const endpoint of inventory.endpoints) {
      for (const [weakness, count] of Object.entries(endpoint.jwt?.weaknesses ?? {})) {
        reports.push({ message: `${endpoint.method} ${endpoint.path}: ${MESSAGES[weakness] ?? weakness} (${count} request${count === 1 ? '' : 's'})`, location: endpointLocation(endpoint), evidence: { weakness, count, algorithms: endpoint.jwt?.algorithms } });
      }
    }
    return reports;
  },
});
