import { defineRule } from '../../rule.js';
import { isObject } from '../owasp/support/api.js';

export default defineRule({
  id: 'no-ambiguous-paths',
  meta: {
    description: 'Two path templates must not both match the same request with neither more specific (`/a/{x}/c` and `/a/b/{y}`).',
    defaultSeverity: 'warning',
    recommended: true,
    messages: { ambiguous: 'Path "{{path}}" is ambiguous with "{{other}}": a request such as "{{example}}" matches both.' },
    docs: {
      why: 'Routers pick one of two overlapping templates by registration order or by their own specificity rules, so the same request may reach different handlers in different implementations. (Paths that differ only in parameter names are reported by `path-params`.)',
      fix: 'Make one template a literal prefix of the other, or rename segments so the templates cannot overlap.',
      bad: 'paths:\n  /users/{id}/avatar: {}\n  /users/me/{size}: {}',
      good: 'paths:\n  /users/{id}/avatar: {}\n  /me/avatar/{size}: {}',
    },
  },
  create() {
    return {
      Paths(node, ctx) {
        if (!isObject(node)) return;
        const groups = new Map<number, string[][]>();
        const keys = Object.keys(node).filter((path) => path.startsWith('/'));
        const byParts = new Map<string[], string>();
        for (const path of keys) {
          const parts = path.split('/').slice(1);
          byParts.set(parts, path);
          const group = groups.get(parts.length);
          if (group) group.push(parts);
          else groups.set(parts.length, [parts]);
        }
        const reported = new Set<string>();
        for (const group of groups.values()) {
          for (let i = 0; i < group.length; i++) {
            for (let j = i + 1; j < group.length; j++) {
              const a = group[i]!;
              const b = group[j]!;
              let aMoreSpecific = false;
              let bMoreSpecific = false;
              let compatible = true;
              for (let k = 0; k < a.length && compatible; k++) {
                const pa = a[k]!.includes('{');
                const pb = b[k]!.includes('{');
                if (!pa && !pb) compatible = a[k] === b[k];
                else if (!pa && pb) aMoreSpecific = true;
                else if (pa && !pb) bMoreSpecific = true;
              }
              if (!compatible || !aMoreSpecific || !bMoreSpecific) continue;
              const later = byParts.get(b)!;
              if (reported.has(later)) continue;
              reported.add(later);
              const example = '/' + a.map((part, k) => (part.includes('{') ? b[k]! : part)).join('/');
              ctx.report({ messageId: 'ambiguous', data: { path: later, other: byParts.get(a)!, example }, location: ctx.location.child(later).key() });
            }
          }
        }
      },
    };
  },
});
