import { NodeLocation } from '../../location.js';
import { defineRule } from '../../rule.js';
import { definedSchemes, effectiveSecurity, operationsOf, type Json } from './support/api.js';

/** Administrative or internal paths: `/admin…` or `/internal…` segments anywhere in the template. */
const PRIVILEGED_PATH = /\/(admin|internal)/i;

export default defineRule({
  id: 'owasp-api5-admin-security-unique',
  meta: {
    description: 'Administrative and internal operations must not accept the same security requirement as ordinary operations.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API5:2023'],
    cwe: ['CWE-285'],
    messages: { shared: '{{method}} {{path}} is an admin/internal operation with the same security requirement as ordinary operations ({{requirement}}).' },
    docs: {
      why: 'Broken function level authorization: if an admin endpoint accepts the same token as a user endpoint, only server code stands between a user and admin functions. A distinct scheme or scope makes the privilege explicit.',
      fix: 'Protect admin/internal operations with a distinct security scheme or distinct scopes.',
      bad: 'paths:\n  /users:\n    get: { security: [{ bearer: [] }] }\n  /admin/users:\n    delete: { security: [{ bearer: [] }] }',
      good: 'paths:\n  /users:\n    get: { security: [{ bearer: [users:read] }] }\n  /admin/users:\n    delete: { security: [{ bearer: [admin] }] }',
    },
  },
  create() {
    return {
      Document: {
        leave(root: Json, ctx) {
          const schemes = definedSchemes(ctx.document);
          const ordinary = new Set<string>();
          const privileged: { method: string; path: string; requirement: string; location: NodeLocation }[] = [];
          for (const { method, path, operation } of operationsOf(ctx.document)) {
            const verdict = effectiveSecurity(operation.node, root, schemes);
            if (verdict.kind !== 'secured') continue;
            const at = operation.node.security !== undefined ? operation.location.child('security') : operation.location;
            for (const requirement of verdict.requirements) {
              const hash = canonical(requirement);
              if (PRIVILEGED_PATH.test(path)) privileged.push({ method, path, requirement: hash, location: at });
              else ordinary.add(hash);
            }
          }
          const reported = new Set<string>();
          for (const entry of privileged) {
            const key = `${entry.method} ${entry.path}`;
            if (!ordinary.has(entry.requirement) || reported.has(key)) continue;
            reported.add(key);
            ctx.report({ messageId: 'shared', data: { method: entry.method.toUpperCase(), path: entry.path, requirement: entry.requirement }, location: entry.location });
          }
        },
      },
    };
  },
});

/** `{ b: [y, x], a: [] }` → `a, b[x y]`: order-insensitive, readable in messages. */
function canonical(requirement: Json): string {
  return Object.keys(requirement)
    .sort()
    .map((name) => {
      const scopes = Array.isArray(requirement[name]) ? (requirement[name] as unknown[]).map(String).sort() : [];
      return scopes.length > 0 ? `${name}[${scopes.join(' ')}]` : name;
    })
    .join(', ');
}
