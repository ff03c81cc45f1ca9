import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { RampartError } from '../../core/errors.js';
import { defineDetector, operationKey } from '../types.js';

/** The reviewable baseline file: which role was seen succeeding on which operation. */
export interface RoleBaseline {
  version: 1;
  /** Exchanges it was learned from. */
  learnedFrom: number;
  roles: Record<string, string[]>;
}

export function readBaseline(file: string): RoleBaseline {
  let value: RoleBaseline;
  try {
    value = JSON.parse(readFileSync(file, 'utf8')) as RoleBaseline;
  } catch (error) {
    throw new RampartError('RAMPART_CONFIG_INVALID', `BFLA baseline is not valid JSON: ${(error as Error).message}`, { position: { file }, cause: error });
  }
  if (!value || value.version !== 1 || typeof value.roles !== 'object' || value.roles === null || Object.values(value.roles).some((list) => !Array.isArray(list))) {
    throw new RampartError('RAMPART_CONFIG_INVALID', 'BFLA baseline: expected { "version": 1, "roles": { "<role>": ["METHOD /path", …] } }', { position: { file } });
  }
  return value;
}

/**
 * Broken function-level authorization: an identity calls an operation that, while learning, only
 * other roles were seen succeeding on. The role comes from the JWT (`role`, `roles`, `scope`).
 * The learned baseline is a JSON file a person can review and edit; when the file exists it is
 * used as is and nothing is learned. Errs on false negatives: operations no role was seen using,
 * public operations and anonymous callers are never flagged.
 */
export default defineDetector({
  id: 'bfla',
  description: 'An identity calls an operation outside its learned role (broken function-level authorization).',
  severity: 'error',
  owasp: ['API5:2023'],
  cwe: ['CWE-285'],
  fix: 'Check the caller\'s role in the operation; if the call is legitimate, add the operation to the role in the baseline file.',
  defaultMode: 'monitor',
  enforceable: true,
  needsSpec: false,
  errsOn: 'false-negative',
  thresholds: {
    learnExchanges: { default: 1000, description: 'Successful exchanges observed to learn the baseline before detecting (ignored when the baseline file exists).' },
  },
  create(options, context) {
    const roles = new Map<string, Set<string>>();
    const owners = new Map<string, Set<string>>();
    let learned = 0;
    let learning = true;
    const file = context.baselineFile;
    const add = (role: string, operation: string) => {
      if (!roles.has(role)) roles.set(role, new Set());
      roles.get(role)!.add(operation);
      if (!owners.has(operation)) owners.set(operation, new Set());
      owners.get(operation)!.add(role);
    };
    if (file && existsSync(file)) {
      const baseline = readBaseline(file);
      for (const [role, operations] of Object.entries(baseline.roles)) for (const operation of operations) add(role, String(operation));
      learned = baseline.learnedFrom ?? 0;
      learning = false;
    }
    const save = () => {
      if (!file) return;
      const baseline: RoleBaseline = { version: 1, learnedFrom: learned, roles: Object.fromEntries([...roles].sort(([a], [b]) => a.localeCompare(b)).map(([role, set]) => [role, [...set].sort()])) };
      try {
        writeFileSync(file, JSON.stringify(baseline, null, 2) + '\n');
      } catch (error) {
        context.warn(`cannot write the BFLA baseline ${file}: ${(error as Error).message}`);
      }
    };
    return {
      stateSize: () => owners.size,
      close: () => {
        if (learning) save();
      },
      request(view) {
        if (learning || view.identity.role === 'anonymous' || (view.operation && !view.operation.secured)) return undefined;
        const operation = operationKey(view);
        const allowed = owners.get(operation);
        if (!allowed || allowed.has(view.identity.role)) return undefined;
        return {
          message: `${view.identity.id} (role ${view.identity.role}) called ${operation}, which only ${[...allowed].sort().join(', ')} used while learning`,
          key: `${view.identity.id} ${operation}`,
          evidence: { role: view.identity.role, baselineRoles: [...allowed].sort(), learnedFrom: learned },
          block: { status: 403, title: 'Operation not allowed for this role' },
        };
      },
      response(view) {
        if (!learning || view.identity.role === 'anonymous' || view.status >= 400 || (view.operation && !view.operation.secured)) return undefined;
        add(view.identity.role, operationKey(view));
        learned++;
        if (learned >= options.learnExchanges) {
          learning = false;
          save();
        }
        return undefined;
      },
    };
  },
});
