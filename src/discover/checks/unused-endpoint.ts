import { defineCheck } from './check.js';

export default defineCheck({
  id: 'unused-endpoint',
  description: 'A documented operation was never called in the traffic window: attack surface to review.',
  defaultSeverity: 'info',
  needsSpec: true,
  owasp: ['API9:2023'],
  cwe: [],
  fix: 'Remove the operation if nobody needs it, or widen the traffic window before deciding.',
  run: ({ spec, documented }) => {
    const used = new Set([...documented.values()]);
    return (spec?.operations ?? [])
      .filter((operation) => !used.has(operation))
      .map((operation) => ({
        message: `${operation.method} ${operation.path} is documented but was never called${operation.deprecated ? ' (deprecated: safe to remove?)' : ''}`,
        location: operation.location,
        evidence: { method: operation.method, path: operation.path },
      }));
  },
});
