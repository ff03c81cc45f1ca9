/**
 * The properties reachable from request bodies and from response bodies, computed once per
 * document and shared by the rules that read them (sensitive data, outbound URLs, server-set
 * fields). Before, each of those rules descended the same schema graph on its own, keyed by
 * pointer strings; on Kubernetes and Stripe that was a third of the owasp rules' time.
 */
import type { ApiDocument } from '../../../../spec/document.js';
import { forEachProperty, operationsOf, requestSchemas, responseSchemas, type Json, type Located, type PropertySite } from './api.js';

export interface PropertyIndex {
  /** Every property met, once per declaring schema (first use site wins). */
  sites: PropertySite[];
  /** Every schema node descended (by identity): "is this schema used here?". For `error-response`, success schemas too. */
  schemas: Set<object>;
}

export type PropertyDirection = 'request' | 'success-response' | 'error-response';

const cache = new WeakMap<ApiDocument, Map<PropertyDirection, PropertyIndex>>();

/** Success responses: 2xx, 3xx and `default` (what a client reads back on a normal call). */
const isSuccess = (code: string) => code.startsWith('2') || code.startsWith('3') || code === 'default';

/** The properties of every schema reachable from the requests or responses of operations under `paths`. */
export function propertyIndex(document: ApiDocument, direction: PropertyDirection): PropertyIndex {
  let byDirection = cache.get(document);
  if (!byDirection) cache.set(document, (byDirection = new Map()));
  const cached = byDirection.get(direction);
  if (cached) return cached;
  const roots: Located[] = [];
  for (const { operation, pathItem } of operationsOf(document)) {
    if (direction === 'request') roots.push(...requestSchemas(document, operation.node, operation.location, pathItem));
    else roots.push(...responseSchemas(document, operation.node, operation.location, direction === 'success-response' ? isSuccess : (code) => !isSuccess(code)));
  }
  // Error responses mostly reuse success schemas: start from those as seen, descend only the rest.
  const seen = direction === 'error-response' ? new Set(propertyIndex(document, 'success-response').schemas) : new Set<object>();
  const index: PropertyIndex = { sites: [], schemas: seen };
  forEachProperty(document, roots, seen, (site) => index.sites.push(site));
  byDirection.set(direction, index);
  return index;
}

/** Is this schema node (a declaring parent) also reachable from responses of any status? */
export function usedInResponses(document: ApiDocument, schema: Json): boolean {
  return propertyIndex(document, 'success-response').schemas.has(schema) || propertyIndex(document, 'error-response').schemas.has(schema);
}
