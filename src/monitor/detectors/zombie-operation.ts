import { defineDetector, operationKey } from '../types.js';

/** Zombie API: a deprecated operation is still called. One alert per operation and identity per cooldown. Never wrong about the fact; the severity says it is a warning. */
export default defineDetector({
  id: 'zombie-operation',
  description: 'A deprecated operation is still called (zombie API).',
  severity: 'warning',
  owasp: ['API9:2023'],
  cwe: ['CWE-477'],
  fix: 'Move the caller to the replacement; then remove the operation.',
  defaultMode: 'monitor',
  enforceable: true,
  needsSpec: true,
  errsOn: 'false-positive',
  thresholds: {},
  create() {
    return {
      request(view) {
        if (!view.operation?.deprecated) return undefined;
        const operation = operationKey(view);
        return {
          message: `deprecated ${operation} called by ${view.identity.id}`,
          key: `${operation} ${view.identity.id}`,
          evidence: { operationId: view.operation.id },
          block: { status: 403, title: 'Deprecated operation no longer served' },
        };
      },
    };
  },
});
