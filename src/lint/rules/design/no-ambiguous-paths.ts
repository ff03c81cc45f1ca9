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
        // Only templates with a parameter can be ambiguous (each of a pair needs a parameter where
        // the other has a literal); which segments are parameters is worked out once per path.
        const groups = new Map<number, Template[]>();
        for (const path of Object.keys(node)) {
          if (!path.startsWith('/')) continue;
          const parts = path.split('/').slice(1);
          const params = parts.map((part) => part.includes('{'));
          // Groups are made in the order paths first reach them, as the reports are ordered by group.
          let group = groups.get(parts.length);
          if (!group) groups.set(parts.length, (group = []));
          if (params.includes(true)) group.push({ path, parts, params });
        }
        const reported = new Set<string>();
        for (const group of groups.values()) {
          for (let i = 0; i < group.length; i++) {
            for (let j = i + 1; j < group.length; j++) {
              const { parts: a, params: aParams } = group[i]!;
              const { parts: b, params: bParams } = group[j]!;
              let aMoreSpecific = false;
              let bMoreSpecific = false;
              let compatible = true;
              for (let k = 0; k < a.length && compatible; k++) {
                const pa = aParams[k]!;
                const pb = bParams[k]!;
                if (!pa && !pb) compatible = a[k] === b[k];
                else if (!pa && pb) aMoreSpecific = true;
                else if (pa && !pb) bMoreSpecific = true;
              }
              if (!compatible || !aMoreSpecific || !bMoreSpecific) continue;
              const later = group[j]!.path;
              if (reported.has(later)) continue;
              reported.add(later);
              const example = '/' + a.map((part, k) => (aParams[k] ? b[k]! : part)).join('/');
              ctx.report({ messageId: 'ambiguous', data: { path: later, other: group[i]!.path, example }, location: ctx.location.child(later).key() });
            }
          }
        }
      },
    };
  },
});

/** A path template split into segments, with which of them hold a parameter. */
interface Template {
  path: string;
  parts: string[];
  params: boolean[];
}
