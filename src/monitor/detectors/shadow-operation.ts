import { defineDetector, operationKey } from '../types.js';

/**
 * Shadow API: a request the description does not document got a real answer from the upstream
 * (not 404/405/501). One alert per method and templated path per cooldown. Errs on false
 * negatives: undocumented paths that the upstream refuses are scanning, not shadow APIs.
 * Monitor only: whether it is shadow is known once the upstream answered.
 */
export default defineDetector({
  id: 'shadow-operation',
  description: 'An undocumented operation answers (shadow API).',
  severity: 'warning',
  owasp: ['API9:2023'],
  cwe: ['CWE-1059'],
  fix: 'Document the operation, or remove it from the upstream.',
  defaultMode: 'monitor',
  enforceable: false,
  needsSpec: true,
  errsOn: 'false-negative',
  thresholds: {},
  create() {
    return {
      response(view) {
        if (!view.hasSpec || view.operation || view.status === 404 || view.status === 405 || view.status === 501) return undefined;
        const operation = operationKey(view);
        return { message: `undocumented ${operation} answered ${view.status}`, key: operation, evidence: { status: view.status } };
      },
    };
  },
});
