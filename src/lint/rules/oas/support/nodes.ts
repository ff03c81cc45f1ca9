import type { NodeLocation } from '../../../location.js';
import { parsePointer } from '../../../../spec/pointer.js';
import type { NodeType } from '../../../node-types.js';
import type { VisitContext } from '../../../rule.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Spectral's `truthy`: present and not empty/false/0. */
export function isTruthy(value: unknown): boolean {
  return Boolean(value);
}

/** An operation directly under `paths` (Spectral's `#OperationObject`), not in a callback, webhook or component. */
export function isPathsOperation(ctx: VisitContext): boolean {
  return ctx.ancestors.at(-1)?.type === 'PathItem' && ctx.ancestors.at(-2)?.type === 'Paths';
}

/** A path item directly under `paths`. */
export function isPathsPathItem(ctx: VisitContext): boolean {
  return ctx.ancestors.at(-1)?.type === 'Paths';
}

/** An operation of a webhook (OpenAPI 3.1 `webhooks`, whose path items sit right under the root). */
export function isWebhookOperation(ctx: VisitContext): boolean {
  return ctx.ancestors.at(-1)?.type === 'PathItem' && ctx.ancestors.at(-2)?.type === 'Root';
}

/** True when the node was reached by following a $ref (its place is not its parent's place plus its key). */
export function isRefTarget(ctx: VisitContext): boolean {
  const parent = ctx.ancestors.at(-1);
  if (!parent) return false;
  return parent.location.source !== ctx.location.source || parent.location.child(ctx.key).pointer !== ctx.location.pointer;
}

/** Where an element of a list property sits, following a $ref written there. */
export function resolvedItems(ctx: VisitContext, list: unknown, at: NodeLocation): { node: unknown; location: NodeLocation; written: NodeLocation }[] {
  if (!Array.isArray(list)) return [];
  return list.map((item, i) => {
    const written = at.child(i);
    const resolved = ctx.resolve(item, written);
    return { node: resolved.node, location: resolved.location ?? written, written };
  });
}

/** Every node type of the walker's model, for rules that look at all of them. */
export const ALL_NODE_TYPES: readonly NodeType[] = [
  'Root', 'Info', 'Contact', 'License', 'Server', 'ServerVariable', 'Paths', 'PathItem', 'Operation', 'Parameter', 'RequestBody',
  'MediaType', 'Encoding', 'Responses', 'Response', 'Header', 'Schema', 'Example', 'Link', 'Callback', 'SecurityScheme',
  'OAuthFlows', 'OAuthFlow', 'SecurityRequirement', 'Tag', 'ExternalDocs', 'Components', 'Discriminator', 'Xml',
];

/**
 * Where Spectral reports a field that is missing or wrong: the field when its key is there, else
 * the nearest part of the path that exists (the parent of a missing field).
 */
export function closestLocation(location: NodeLocation, node: unknown, ...path: (string | number)[]): NodeLocation {
  let at = location;
  let value = node;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !(String(segment) in value)) break;
    at = at.child(segment);
    value = (value as JsonObject)[segment];
  }
  return at;
}

/**
 * Where Spectral's `schema` check for a non-empty array (`{ type: array, minItems: 1, items }`) of
 * `node[key]` reports, or undefined when it passes: the array, its parent when it is missing, or
 * the first item that `isItem` rejects.
 */
export function nonEmptyArrayProblem(location: NodeLocation, node: JsonObject, key: string, isItem: (item: unknown) => boolean = () => true): NodeLocation | undefined {
  const list = node[key];
  if (!Array.isArray(list) || list.length === 0) return closestLocation(location, node, key);
  const index = list.findIndex((item) => !isItem(item));
  return index === -1 ? undefined : location.child(key, index);
}

/** The location `pointer` (relative, RFC 6901) below `location`. */
export function locationAt(location: NodeLocation, pointer: string): NodeLocation {
  return pointer === '' ? location : location.child(...parsePointer(pointer));
}
