import { defineRule } from '../../rule.js';
import { hasType, isObject, operationsOf, requestSchemas, resolveAt, responseSchemas, type Json, type Located } from './support/api.js';
import { isServerControlled } from './support/names.js';

export default defineRule({
  id: 'owasp-api3-server-fields-read-only',
  meta: {
    description: 'Server-controlled properties (id, createdAt, role, isAdmin, owner…) of schemas used both in request bodies and in responses must be readOnly (mass assignment).',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: ['API3:2023'],
    cwe: ['CWE-915'],
    messages: { writable: 'Property "{{name}}" is set by the server, but this schema is accepted as a request body too; mark it readOnly or split request and response schemas (mass assignment).' },
    docs: {
      why: 'When one model is both returned and accepted, servers tend to bind the whole body to it: a client that sends `role`, `isAdmin`, `owner` or `id` can escalate privileges or take over objects (mass assignment). Request-only schemas that carry such fields on purpose (assigning a role) are not reported.',
      fix: 'Mark server-controlled properties `readOnly: true`, or use separate request and response schemas without them.',
      bad: 'requestBody:\n  content:\n    application/json:\n      schema:\n        properties:\n          name: { type: string }\n          isAdmin: { type: boolean }',
      good: 'requestBody:\n  content:\n    application/json:\n      schema:\n        properties:\n          name: { type: string }\n          isAdmin: { type: boolean, readOnly: true }',
    },
  },
  create() {
    return {
      Document: {
        leave(_root, ctx) {
          const operations = [...operationsOf(ctx.document)];
          // Schemas that are also returned: a model used both ways is where mass assignment happens.
          // Sets hold schema nodes by identity: no pointer strings on the hot path.
          // A body schema shared by many operations is descended once per direction: its members
          // depend on the schema alone, and the first use already checked every one of them.
          const returned = new Set<object>();
          const responseBodies = new Set<object>();
          for (const { operation } of operations) {
            for (const body of responseSchemas(ctx.document, operation.node, operation.location, (code) => code.startsWith('2'))) {
              if (!firstTime(responseBodies, body.node)) continue;
              for (const member of topLevelMembers(ctx.document, itemsOf(ctx.document, body))) returned.add(member.node);
            }
          }
          const checked = new Set<object>();
          const requestBodies = new Set<object>();
          for (const { operation, pathItem } of operations) {
            for (const body of requestSchemas(ctx.document, operation.node, operation.location, pathItem)) {
              if (!firstTime(requestBodies, body.node)) continue;
              for (const member of topLevelMembers(ctx.document, body)) {
                if (!returned.has(member.node) || checked.has(member.node)) continue;
                checked.add(member.node);
                const properties = member.node.properties;
                if (!isObject(properties)) continue;
                for (const [name, value] of Object.entries(properties)) {
                  if (!isServerControlled(name)) continue;
                  const at = member.location.child('properties', name);
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

/** A list response's item schema (the model), or the schema itself. */
function itemsOf(document: Parameters<typeof resolveAt>[0], schema: Located): Located {
  if (!hasType(schema.node, 'array') || !isObject(schema.node.items)) return schema;
  const items = resolveAt(document, schema.node.items, schema.location.child('items'));
  return items && isObject(items.node) ? (items as Located) : schema;
}

/** The body schema and the schemas it is composed of (allOf/anyOf/oneOf), resolved: the object's own fields. */
function topLevelMembers(document: Parameters<typeof resolveAt>[0], schema: Located): Located[] {
  const out: Located[] = [];
  const seen = new Set<object>();
  const stack = [schema];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (seen.has(current.node)) continue;
    seen.add(current.node);
    out.push(current);
    for (const key of COMPOSITION) {
      const list = (current.node as Json)[key];
      if (!Array.isArray(list)) continue;
      list.forEach((value, index) => {
        const resolved = resolveAt(document, value, current.location.child(key).child(index));
        if (resolved && isObject(resolved.node)) stack.push(resolved as Located);
      });
    }
  }
  return out;
}

const COMPOSITION = ['allOf', 'anyOf', 'oneOf'] as const;

/** Adds `node` to `seen`; true when it was not there yet. */
function firstTime(seen: Set<object>, node: object): boolean {
  const size = seen.size;
  seen.add(node);
  return seen.size > size;
}
