import { isRefObject, type ApiDocument } from '../spec/document.js';
import { NodeLocation } from './location.js';
import { childType, type NodeType } from './node-types.js';
import type { Ancestor, VisitContext, VisitFunction } from './rule.js';

/** Visit functions grouped by node type, each already bound to its rule's reporting. */
export interface WalkHandlers {
  enter: Map<NodeType | 'Ref', VisitFunction[]>;
  leave: Map<NodeType, VisitFunction[]>;
}

/** The chain of nodes above the one visited, innermost first; shared, never copied per node. */
export interface AncestorLink {
  readonly entry: Ancestor;
  readonly parent: AncestorLink | undefined;
}

type ContextFactory = (location: NodeLocation, key: string | number, ancestors: AncestorLink | undefined) => VisitContext;

/**
 * The one walk every built-in rule shares: it descends the node model from the root, follows each
 * $ref to the file and pointer it names, and visits every (type, node) once, so shared and
 * recursive schemas cost one visit (a YAML alias too: it is the same node as its anchor).
 */
export function walkDocument(document: ApiDocument, handlers: WalkHandlers, makeContext: ContextFactory): void {
  const format = document.version.format;
  const visited = new Map<NodeType, WeakSet<object>>();
  // Only a $ref's target can be reached twice (unless YAML aliases share nodes): remember just those.
  const revisitable = document.sharesNodes ? undefined : document.refTargets();
  let ancestors: AncestorLink | undefined;

  const visit = (value: unknown, type: NodeType, location: NodeLocation, key: string | number): void => {
    if (value === null || typeof value !== 'object') return;
    if (isRefObject(value)) {
      const refHandlers = handlers.enter.get('Ref');
      if (refHandlers) {
        const ctx = makeContext(location, key, ancestors);
        for (let i = 0; i < refHandlers.length; i++) refHandlers[i]!(value, ctx);
      }
      const target = document.resolveRef(location.source, value.$ref);
      if (!target) return;
      value = target.value;
      location = new NodeLocation(target.source, target.pointer);
      if (value === null || typeof value !== 'object') return;
    }
    // A parsed node is one object wherever it is reached from, so identity (per type) says "seen"
    // without building a type+file+pointer key for each node.
    if (!revisitable || revisitable.has(value)) {
      let seen = visited.get(type);
      if (!seen) visited.set(type, (seen = new WeakSet()));
      if (seen.has(value)) return;
      seen.add(value);
    }

    const enter = handlers.enter.get(type);
    const leave = handlers.leave.get(type);
    const ctx = enter || leave ? makeContext(location, key, ancestors) : undefined;
    // Indexed loops and for-in: iterators and key arrays per node were a visible share of a run's garbage.
    if (enter) for (let i = 0; i < enter.length; i++) enter[i]!(value, ctx!);

    const parent = ancestors;
    ancestors = { entry: { type, node: value, key, location }, parent };
    if (Array.isArray(value)) {
      // Only reached for list-valued Schema `items` (Swagger tuple form).
      for (let i = 0; i < value.length; i++) visit(value[i], type, location.child(i), i);
    } else {
      for (const childKey in value) {
        const child = (value as Record<string, unknown>)[childKey];
        // Scalars are never visited: skip them before making a location for them.
        if (child === null || typeof child !== 'object') continue;
        const kind = childType(format, type, childKey);
        if (kind === undefined) continue;
        const childLocation = location.child(childKey);
        if (typeof kind === 'string') visit(child, kind, childLocation, childKey);
        else if ('schemaOrList' in kind) visit(child, 'Schema', childLocation, childKey);
        else if ('mapOf' in kind) visitMap(child, kind.mapOf, childLocation);
        else visitList(child, kind.listOf, childLocation);
      }
    }
    ancestors = parent;

    if (leave) for (let i = 0; i < leave.length; i++) leave[i]!(value, ctx!);
  };

  const visitMap = (value: unknown, type: NodeType, location: NodeLocation) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    if (isRefObject(value)) return; // a $ref where a map belongs: structural validation reports it
    for (const key in value) {
      // Header maps are keyed by HTTP header names, and `x-…` names (X-RateLimit-Limit) are headers, not extensions.
      if (key.startsWith('x-') && type !== 'Schema' && type !== 'Header') continue;
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') visit(child, type, location.child(key), key);
    }
  };
  const visitList = (value: unknown, type: NodeType, location: NodeLocation) => {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) if (value[i] !== null && typeof value[i] === 'object') visit(value[i], type, location.child(i), i);
  };

  visit(document.root.value, 'Root', new NodeLocation(document.root, ''), '');
}
