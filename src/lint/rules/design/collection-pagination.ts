import { defineRule } from '../../rule.js';
import { hasType, isObject, operationSite, parametersOf, pathItemOf, resolveAt, responseSchemas, squash, type Json, type Located } from '../owasp/support/api.js';

/** Property names under which list envelopes carry their items. */
const ENVELOPE = new Set(['data', 'items', 'results', 'records', 'entries', 'elements', 'values', 'list', 'content', 'objects', 'resources', 'rows', 'hits']);
const PAGING = /(limit|page|offset|cursor|after|before|top|skip|size|count|token|marker|continu|first|last|start|max|since|next|per)/;

export default defineRule({
  id: 'collection-pagination',
  meta: {
    description: 'GET operations that return a collection accept pagination parameters (limit/offset, page/size, cursor…).',
    defaultSeverity: 'warning',
    recommended: true,
    messages: { noPagination: 'GET {{path}} returns a collection but takes no pagination parameter (limit, page, cursor, offset…).' },
    docs: {
      why: 'Unpaginated lists grow with the data: responses get slow, memory-hungry and eventually time out; clients cannot fetch them incrementally.',
      fix: 'Add pagination parameters (`limit` + `cursor`, or `page` + `page_size`) and bound the page size.',
      bad: 'get:\n  responses:\n    "200":\n      content:\n        application/json:\n          schema: { type: array, items: { $ref: "#/components/schemas/User" } }',
      good: 'get:\n  parameters:\n    - { name: limit, in: query, schema: { type: integer, maximum: 100 } }\n    - { name: cursor, in: query, schema: { type: string } }\n  responses: ...',
    },
  },
  create() {
    return {
      Operation(node, ctx) {
        const site = operationSite(ctx);
        if (site.kind !== 'path' || site.method !== 'get' || !isObject(node)) return;
        const schemas = responseSchemas(ctx.document, node, ctx.location, (code) => code === '200' || code === '2XX');
        if (!schemas.some((schema) => isCollection(ctx.document, schema))) return;
        const parameters = parametersOf(ctx.document, node, ctx.location, pathItemOf(ctx));
        if (parameters.some((parameter) => (parameter.node.in === 'query' || parameter.node.in === 'header') && PAGING.test(squash(String(parameter.node.name ?? ''))))) return;
        ctx.report({ messageId: 'noPagination', data: { path: site.path }, location: ctx.location.key() });
      },
    };
  },
});

function isCollection(document: Parameters<typeof resolveAt>[0], schema: Located): boolean {
  if (hasType(schema.node, 'array')) return true;
  const properties = schema.node.properties;
  if (!isObject(properties)) return false;
  // Keys only: most response schemas have many properties and no envelope among them.
  for (const name of Object.keys(properties)) {
    if (!ENVELOPE.has(name.toLowerCase())) continue;
    const resolved = resolveAt(document, properties[name], schema.location.child('properties').child(name));
    if (resolved !== undefined && isObject(resolved.node) && hasType(resolved.node as Json, 'array')) return true;
  }
  return false;
}
