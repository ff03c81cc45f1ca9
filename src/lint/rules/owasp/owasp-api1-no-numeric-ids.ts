import { defineRule } from '../../rule.js';
import { hasType, isObject, resolveAt, type Json, type Located } from './support/api.js';

const ID_NAME = /^(id|.*(_id|Id|-id|ID))$/;

export default defineRule({
  id: 'owasp-api1-no-numeric-ids',
  meta: {
    description: 'Identifiers in parameters must not be integers: sequential ids can be guessed and enumerated.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: ['API1:2023'],
    cwe: ['CWE-639'],
    messages: { numericId: 'Parameter "{{name}}" is an integer identifier; sequential ids can be enumerated (BOLA). Use a random id such as a UUID.' },
    docs: {
      why: 'Broken object level authorization is exploited by swapping one id for another. Integer ids are sequential, so an attacker can walk through every object.',
      fix: 'Use random, unguessable identifiers (UUID or another random string) and check ownership of every object on every request.',
      bad: 'parameters:\n  - name: userId\n    in: path\n    required: true\n    schema: { type: integer }',
      good: 'parameters:\n  - name: userId\n    in: path\n    required: true\n    schema: { type: string, format: uuid }',
    },
  },
  create() {
    return {
      Parameter(node, ctx) {
        if (!isObject(node) || typeof node.name !== 'string' || !ID_NAME.test(node.name)) return;
        if (ctx.format === 'oas2' && node.in !== 'body') {
          if (hasType(node, 'integer')) ctx.report({ messageId: 'numericId', data: { name: node.name }, location: ctx.location.child('type') });
          return;
        }
        if (node.schema === undefined) return;
        const schema = resolveAt(ctx.document, node.schema, ctx.location.child('schema'));
        if (schema && isObject(schema.node) && allowsInteger(ctx.document, schema as Located)) ctx.report({ messageId: 'numericId', data: { name: node.name }, location: ctx.location.child('schema') });
      },
    };
  },
});

/** The schema or one of its anyOf/oneOf branches is an integer (DigitalOcean's snapshot_id: integer or string). */
function allowsInteger(document: Parameters<typeof resolveAt>[0], schema: Located): boolean {
  if (hasType(schema.node, 'integer')) return true;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema.node[key];
    if (!Array.isArray(branches)) continue;
    for (const [index, branch] of branches.entries()) {
      const resolved = resolveAt(document, branch, schema.location.child(key, index));
      if (resolved && isObject(resolved.node) && hasType(resolved.node as Json, 'integer')) return true;
    }
  }
  return false;
}
