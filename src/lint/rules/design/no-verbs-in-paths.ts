import { defineRule } from '../../rule.js';
import { isObject, words } from '../owasp/support/api.js';

const VERBS = new Set(['get', 'create', 'update', 'delete', 'remove', 'fetch', 'list', 'add', 'set', 'put', 'post', 'patch', 'retrieve', 'modify', 'edit', 'insert', 'save', 'make', 'do', 'read', 'write', 'change', 'destroy']);
/** Nouns that start with a verb. */
const NOUNS = /^(add-?ons?|set-?up|settings?|get-?started|update-?s)$/i;

export default defineRule({
  id: 'no-verbs-in-paths',
  meta: {
    description: 'Path segments name resources, not actions: no CRUD verbs (get, create, update, delete, list…) in paths.',
    defaultSeverity: 'warning',
    recommended: true,
    messages: { verb: 'Path "{{path}}" has the verb "{{verb}}" in segment "{{segment}}"; let the HTTP method carry the action.' },
    docs: {
      why: 'HTTP methods already say what happens (GET reads, POST creates, DELETE deletes). Verbs in paths duplicate them, multiply endpoints and defeat caching and tooling that rely on method semantics.',
      fix: 'Name the resource and use the method: `POST /users` instead of `POST /createUser`, `GET /users` instead of `GET /users/list`. For true actions, use a noun sub-resource (`POST /orders/{id}/cancellation`).',
      bad: 'paths:\n  /getUsers:\n    get: ...',
      good: 'paths:\n  /users:\n    get: ...',
    },
  },
  create() {
    return {
      Paths(node, ctx) {
        if (!isObject(node)) return;
        // Paths repeat their segments (`/api`, `/users`, `/{id}`): judge each distinct one once.
        const verbs = new Map<string, string | undefined>();
        for (const path of Object.keys(node)) {
          if (!path.startsWith('/')) continue;
          for (const segment of path.split('/')) {
            if (segment === '' || segment.startsWith('{')) continue;
            let verb = verbs.get(segment);
            if (verb === undefined && !verbs.has(segment)) verbs.set(segment, (verb = verbOf(segment)));
            if (verb) {
              ctx.report({ messageId: 'verb', data: { path, verb, segment }, location: ctx.location.child(path).key() });
              break;
            }
          }
        }
      },
    };
  },
});

/** The verb a path segment starts one of its dot-separated parts with, if any. */
function verbOf(segment: string): string | undefined {
  if (NOUNS.test(segment)) return undefined;
  return segment
    .split('.')
    .map((part) => words(part)[0])
    .find((first) => first !== undefined && VERBS.has(first));
}
