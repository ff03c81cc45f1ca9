import { isRefObject, type ApiDocument } from '../spec/document.js';
import { joinPointer } from '../spec/pointer.js';
import type { Source } from '../spec/source.js';
import type { JsonPath } from './types.js';

/** The document as resolved rules see it: a ref-free value, and where each node was written. */
export interface ResolvedView {
  root: unknown;
  originOf(path: JsonPath): { source: Source; pointer: string };
  /** True when cyclic $refs were left in place to keep the view small (see viewFor). */
  cut: boolean;
}

/**
 * Above this many root-to-node paths, JSONPath queries with `..` over the fully resolved document
 * would take minutes and gigabytes (Stripe's schemas reference each other in large cycles). Such
 * documents get a view where every $ref on a cycle stays a $ref object.
 */
export const MAX_RESOLVED_PATHS = 2_000_000;

const views = new WeakMap<ApiDocument, ResolvedView>();

export function viewFor(document: ApiDocument): ResolvedView {
  let view = views.get(document);
  if (!view) {
    const full = document.resolved();
    view =
      countPaths(full, MAX_RESOLVED_PATHS) <= MAX_RESOLVED_PATHS
        ? { root: full, originOf: (path) => document.originOf(path), cut: false }
        : acyclicView(document);
    views.set(document, view);
  }
  return view;
}

/** How many paths lead from the root to any node (shared nodes count once per path), stopping past `limit`. */
export function countPaths(root: unknown, limit: number): number {
  const sizes = new Map<object, number>();
  const sizeOf = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 1); // a back edge (none expected: resolved() cuts cycles) counts as a leaf
    let total = 1;
    for (const child of Object.values(node)) {
      total += sizeOf(child);
      if (total > limit) break;
    }
    sizes.set(node, total);
    return total;
  };
  return sizeOf(root);
}

interface Vertex {
  key: string;
  source: Source;
  pointer: string;
}

/**
 * A resolved copy where a $ref stays as written when it lies on a cycle: its target can lead back,
 * through containment and other $refs, to the node that holds it. Acyclic $refs are followed.
 */
export function acyclicView(document: ApiDocument): ResolvedView {
  const cyclicSites = findCyclicRefSites(document);
  const origins = new WeakMap<object, { source: Source; pointer: string }>();
  const copies = new Map<object, unknown>();
  const copy = (value: unknown, source: Source, pointer: string): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (isRefObject(value) && !cyclicSites.has(`${source.uri}#${pointer}`)) {
      const target = document.resolveRef(source, value.$ref);
      if (target) return copy(target.value, target.source, target.pointer);
    }
    const known = copies.get(value);
    if (known !== undefined) return known;
    const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
    copies.set(value, out);
    origins.set(out, { source, pointer });
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) (out as unknown[])[i] = copy(value[i], source, `${pointer}/${i}`);
    } else {
      for (const key of Object.keys(value)) (out as Record<string, unknown>)[key] = copy((value as Record<string, unknown>)[key], source, joinPointer(pointer, key));
    }
    return out;
  };
  const root = copy(document.root.value, document.root, '');
  return {
    root,
    cut: true,
    originOf(path) {
      let node: unknown = root;
      let location = origins.get(root as object) ?? { source: document.root, pointer: '' };
      for (const segment of path) {
        node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment as string] : undefined;
        const origin = node !== null && typeof node === 'object' ? origins.get(node) : undefined;
        location = origin ?? { source: location.source, pointer: joinPointer(location.pointer, segment) };
      }
      return location;
    },
  };
}

/** `uri#pointer` of every $ref that lies on a cycle, by strongly connected components (Tarjan). */
function findCyclicRefSites(document: ApiDocument): Set<string> {
  const vertices = new Map<string, Vertex>();
  const vertex = (source: Source, pointer: string): Vertex => {
    const key = `${source.uri}#${pointer}`;
    let found = vertices.get(key);
    if (!found) vertices.set(key, (found = { key, source, pointer }));
    return found;
  };
  const found: { source: Source; pointer: string; to: Vertex }[] = [];
  const targetsBySource = new Map<Source, Set<string>>();
  for (const [source, refs] of document.refSites) {
    for (const ref of refs) {
      const target = document.resolveRef(source, ref.ref);
      if (!target) continue;
      let pointers = targetsBySource.get(target.source);
      if (!pointers) targetsBySource.set(target.source, (pointers = new Set()));
      pointers.add(target.pointer);
      found.push({ source, pointer: ref.pointer, to: vertex(target.source, target.pointer) });
    }
  }
  // The vertex that holds a pointer: the nearest enclosing $ref target, or the file's root.
  const enclosing = (source: Source, pointer: string, strict: boolean): Vertex => {
    const pointers = targetsBySource.get(source);
    let current = strict ? pointer.slice(0, Math.max(0, pointer.lastIndexOf('/'))) : pointer;
    while (pointers && current !== '') {
      if (pointers.has(current)) return vertex(source, current);
      current = current.slice(0, current.lastIndexOf('/'));
    }
    return vertex(source, '');
  };
  const edges = new Map<Vertex, Vertex[]>();
  const addEdge = (from: Vertex, to: Vertex) => {
    const list = edges.get(from);
    if (list) list.push(to);
    else edges.set(from, [to]);
  };
  const sites = found.map(({ source, pointer, to }) => ({ site: `${source.uri}#${pointer}`, from: enclosing(source, pointer, false), to }));
  for (const { from, to } of sites) addEdge(from, to);
  for (const target of [...vertices.values()]) if (target.pointer !== '') addEdge(enclosing(target.source, target.pointer, true), target);

  const component = tarjan([...vertices.values()], edges);
  const cyclic = new Set<string>();
  for (const { site, from, to } of sites) if (component.get(from) === component.get(to)) cyclic.add(site);
  return cyclic;
}

/** Strongly connected components, iteratively (large documents would overflow the stack). */
function tarjan(vertices: Vertex[], edges: Map<Vertex, Vertex[]>): Map<Vertex, number> {
  const index = new Map<Vertex, number>();
  const low = new Map<Vertex, number>();
  const onStack = new Set<Vertex>();
  const stack: Vertex[] = [];
  const component = new Map<Vertex, number>();
  let counter = 0;
  let components = 0;
  for (const start of vertices) {
    if (index.has(start)) continue;
    const work: { vertex: Vertex; next: number }[] = [{ vertex: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = edges.get(frame.vertex) ?? [];
      if (frame.next < out.length) {
        const to = out[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ vertex: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.vertex, Math.min(low.get(frame.vertex)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.vertex, Math.min(low.get(parent.vertex)!, low.get(frame.vertex)!));
      if (low.get(frame.vertex) === index.get(frame.vertex)) {
        let member: Vertex;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.set(member, components);
        } while (member !== frame.vertex);
        components++;
      }
    }
  }
  return component;
}
