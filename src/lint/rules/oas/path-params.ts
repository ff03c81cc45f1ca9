import type { NodeLocation } from '../../location.js';
import { HTTP_METHODS } from '../../node-types.js';
import { defineRule } from '../../rule.js';
import { isObject, isPathsPathItem, resolvedItems, type JsonObject } from './support/nodes.js';

const TEMPLATE = /(\{;?\??[a-zA-Z0-9_-]+\*?\})/g;

export default defineRule({
  id: 'path-params',
  meta: {
    description: 'Path parameters must be defined and valid.',
    defaultSeverity: 'error',
    recommended: true,
    spectralPositions: true,
    messages: {
      equivalent: 'Paths "{{first}}" and "{{second}}" must not be equivalent.',
      repeated: 'Path "{{path}}" must not use parameter "{{name}}" multiple times.',
      notRequired: 'Path parameter "{{name}}" must have "required" property that is set to "true".',
      duplicate: 'Path parameter "{{name}}" must not be defined multiple times.',
      unused: 'Parameter "{{name}}" must be used in path "{{path}}".',
      undefinedParam: 'Operation must define parameter "{{name}}" as expected by path "{{path}}".',
    },
    docs: {
      why: 'Every `{name}` in a path must be a declared, required path parameter (and every declared one used), or clients cannot build the URL; two paths that differ only in parameter names are the same route.',
      fix: 'Declare each template parameter with `in: path` and `required: true`, remove unused ones, and merge equivalent paths.',
      bad: 'paths:\n  /orders/{orderId}:\n    get:\n      parameters:\n        - { name: id, in: path, required: true, schema: { type: string } }',
      good: 'paths:\n  /orders/{orderId}:\n    get:\n      parameters:\n        - { name: orderId, in: path, required: true, schema: { type: string } }',
    },
  },
  create() {
    const normalizedPaths = new Map<string, string>();
    return {
      PathItem(pathItem: JsonObject, ctx) {
        if (!isPathsPathItem(ctx)) return;
        const path = String(ctx.key);
        const entry = ctx.ancestors.at(-1)!.location.child(path);
        const normalized = path.replace(TEMPLATE, '%');
        const first = normalizedPaths.get(normalized);
        if (first !== undefined) ctx.report({ messageId: 'equivalent', data: { first, second: path }, location: entry });
        else normalizedPaths.set(normalized, path);

        const expected: string[] = [];
        for (const match of path.matchAll(TEMPLATE)) {
          const name = match[0].replace(/[{}?*;]/g, '');
          if (expected.includes(name)) ctx.report({ messageId: 'repeated', data: { path, name: `{${name}}` }, location: entry });
          else expected.push(name);
        }

        const collect = (list: unknown, at: NodeLocation): Map<string, NodeLocation> => {
          const defined = new Map<string, NodeLocation>();
          for (const { node, written } of resolvedItems(ctx, list, at)) {
            if (!isObject(node) || node.in !== 'path' || node.name === undefined) continue;
            const name = String(node.name);
            if (node.required !== true) ctx.report({ messageId: 'notRequired', data: { name }, location: written });
            if (defined.has(name)) ctx.report({ messageId: 'duplicate', data: { name }, location: written });
            else defined.set(name, written);
          }
          return defined;
        };
        const pathLevel = collect(pathItem.parameters, ctx.location.child('parameters'));
        for (const method of HTTP_METHODS) {
          if (!(method in pathItem)) continue;
          const resolved = ctx.resolve<unknown>(pathItem[method], ctx.location.child(method));
          const operation = resolved.node;
          if (!isObject(operation)) continue;
          const operationLocation = resolved.location ?? ctx.location.child(method);
          const defined = new Map([...pathLevel, ...collect(operation.parameters, operationLocation.child('parameters'))]);
          for (const [name, location] of defined) {
            if (!expected.includes(name)) ctx.report({ messageId: 'unused', data: { name, path }, location });
          }
          for (const name of expected) {
            if (!defined.has(name)) ctx.report({ messageId: 'undefinedParam', data: { name: `{${name}}`, path }, location: operationLocation });
          }
        }
      },
    };
  },
});
