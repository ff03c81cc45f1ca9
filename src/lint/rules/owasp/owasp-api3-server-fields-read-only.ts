import { defineRule } from '../../rule.js';
import { isObject, operationsOf, requestSchemas, resolveAt, type Json, type Located } from './support/api.js';
import { isServerControlled } from './support/names.js';

export default defineRule({
  id: 'owasp-api3-server-fields-read-only',
  meta: {
    description: 'Server-controlled properties (id, createdAt, role, isAdmin, owner…) in request bodies must be readOnly (mass assignment).',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API3:2023'],
    cwe: ['CWE-915'],
    messages: { writable: 'Request body property "{{name}}" is set by the server; mark it readOnly or remove it from request schemas (mass assignment).' },
    docs: {
      why: 'If a client can send `role`, `isAdmin`, `owner` or `id` and the server binds the body to its model, the client can escalate privileges or take over objects (mass assignment).',
      fix: 'Mark server-controlled properties `readOnly: true`, or use separate request and response schemas without them.',
      bad: 'requestBody:\n  content:\n    application/json:\n      schema:\n        properties:\n          name: { type: string }\n          isAdmin: { type: boolean }',
      good: 'requestBody:\n  content:\n    application/json:\n      schema:\n        properties:\n          name: { type: string }\n          isAdmin: { type: boolean, readOnly: true }',
    },
  },
  create() {
    return {
      Document: {
        leave(_root, ctx) {
          const seen = new Set<string>();
          for (const { operation, pathItem } of operationsOf(ctx.document)) {
            for (const body of requestSchemas(ctx.document, operation.node, operation.location, pathItem)) {
              for (const member of topLevelMembers(ctx.document, body)) {
                const properties = member.node.properties;
                if (!isObject(properties)) continue;
                for (const [name, value] of Object.entries(properties)) {
                  if (!isServerControlled(name)) continue;
                  const at = member.location.child('properties', name);
                  const key = `${at.source.uri}#${at.pointer}`;
                  if (seen.has(key)) continue;
                  seen.add(key);
                  const property = resolveAt(ctx.document, value, at);
                  if (property && isObject(property.node) && property.node.readOnly === true) continue;
                  ctx.report({ messageId: 'writable', data: { name }, location: at });
                }
              }
            }
          }
        },
      },
    };
  },
});

/** The body schema and the schemas it is composed of (allOf/anyOf/oneOf), resolved: the object's own fields. */
function topLevelMembers(document: Parameters<typeof resolveAt>[0], schema: Located): Located[] {
  const out: Located[] = [];
  const seen = new Set<string>();
  const stack = [schema];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const id = `${current.location.source.uri}#${current.location.pointer}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(current);
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const list = (current.node as Json)[key];
      if (!Array.isArray(list)) continue;
      list.forEach((value, index) => {
        const resolved = resolveAt(document, value, current.location.child(key, index));
        if (resolved && isObject(resolved.node)) stack.push(resolved as Located);
      });
    }
  }
  return out;
}
