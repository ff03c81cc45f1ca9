import { defineRule } from '../../rule.js';
import { isObject } from '../owasp/support/api.js';

/** `/users/{id}/orders/{orderId}` → `/users/{}/orders/{}`: parameter names do not matter for matching. */
function shape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

function singular(word: string): string {
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.endsWith('ses') || word.endsWith('xes')) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

export default defineRule({
  id: 'collection-item-paths',
  meta: {
    description: 'Item paths (`/users/{userId}`) sit under a collection path (`/users`) with the same name.',
    defaultSeverity: 'info',
    recommended: true,
    messages: {
      noCollection: 'Item path "{{path}}" has no collection path "{{collection}}".',
      mismatch: 'Item path "{{path}}" does not match its collection "{{collection}}"; use the same (plural) noun.',
    },
    docs: {
      why: 'REST clients expect `/users` to list or create what `/users/{userId}` reads and changes. A singular item path next to a plural collection, or an item with no collection, makes the resource model hard to discover.',
      fix: 'Name item paths after their collection (`/users` and `/users/{userId}`), and add the collection path when items can be listed or created.',
      bad: 'paths:\n  /users: {}\n  /user/{userId}: {}',
      good: 'paths:\n  /users: {}\n  /users/{userId}: {}',
    },
  },
  create() {
    return {
      Paths(node, ctx) {
        if (!isObject(node)) return;
        const shapes = new Set(Object.keys(node).map(shape));
        for (const path of Object.keys(node)) {
          const match = /^(.*)\/([^/{}]+)\/\{[^}]+\}$/.exec(path);
          if (!match) continue;
          const [, prefix, noun] = match as unknown as [string, string, string];
          const collection = `${prefix}/${noun}`;
          if (shapes.has(shape(collection))) continue;
          const location = ctx.location.child(path).key();
          const plural = [`${prefix}/${noun}s`, `${prefix}/${noun.replace(/y$/, 'ies')}`].find((candidate) => candidate !== collection && shapes.has(shape(candidate)));
          const singularForm = `${prefix}/${singular(noun)}`;
          if (plural) ctx.report({ messageId: 'mismatch', data: { path, collection: plural }, location });
          else if (singularForm !== collection && shapes.has(shape(singularForm))) ctx.report({ messageId: 'mismatch', data: { path, collection: singularForm }, location });
          else ctx.report({ messageId: 'noCollection', data: { path, collection }, location });
        }
      },
    };
  },
});
