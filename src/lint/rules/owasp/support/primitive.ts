import type { VisitContext, Visitor } from '../../../rule.js';
import { isObject, type Json } from './api.js';

/**
 * Visits every schema-like node that constrains a value: 3.x/2.0 Schema objects, plus Swagger 2.0
 * non-body parameters and headers, which carry `type`, `maxLength`, … themselves.
 */
export function primitiveVisitor<M extends string>(check: (node: Json, ctx: VisitContext<M>) => void): Visitor<M> {
  return {
    Schema(node, ctx) {
      if (isObject(node)) check(node, ctx);
    },
    Parameter(node, ctx) {
      if (ctx.format === 'oas2' && isObject(node) && node.in !== 'body') check(node, ctx);
    },
    Header(node, ctx) {
      if (ctx.format === 'oas2' && isObject(node)) check(node, ctx);
    },
  };
}
