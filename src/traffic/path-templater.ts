import { classifySegment, RESERVED_SEGMENTS, type SegmentKind } from './value-types.js';
import { decodeUriComponentSafely } from '../core/text.js';

/**
 * Path templating by typed values plus cardinality, in one streaming pass with bounded memory.
 *
 * Paths go into a trie. A segment that is an identifier on its own (integer, UUID, ULID, long hex,
 * date, email, long token) goes straight to the position's parameter child. A weak identifier
 * (slug with digits, short hex) stays literal until a second one appears beside it. Plain words stay
 * literal unless the position shows many distinct words with the same sub-structure (usernames,
 * slugs); reserved words such as `me` never merge, so `/users/me` stays beside `/users/{userId}`.
 * Each position keeps at most `maxLiteralChildren` literals and the trie at most `maxNodes` nodes;
 * beyond that values are counted in the parameter child, so a million distinct IDs cost a bounded set.
 *
 * Statistics are attached to trie leaves as mergeable accumulators (one per key, e.g. the method),
 * so merging two branches into a parameter merges their statistics without re-reading traffic.
 */
export interface TemplaterOptions<T> {
  create: () => T;
  merge: (into: T, from: T) => void;
  /** Distinct plain words at one position (with the same sub-structure) that make it a parameter. */
  minWordCardinality?: number;
  maxLiteralChildren?: number;
  maxNodes?: number;
  overrides?: TemplateOverrides;
}

export interface TemplateOverrides {
  /** Templates to force: a concrete path matching one (`{x}` matches any segment) gets exactly it. */
  templates?: readonly string[];
  /** Templates whose `{x}` / `*` positions must stay literal: never parameterised. */
  literals?: readonly string[];
}

export interface TemplateParameter {
  name: string;
  /** Position in the segment list. */
  index: number;
  kinds: Record<string, number>;
  /** Distinct values seen, capped at DISTINCT_CAP (then `distinctCapped`). */
  distinct: number;
  distinctCapped: boolean;
  confidence: number;
  /** How it became a parameter. */
  reason: 'typed' | 'weak-typed' | 'cardinality' | 'overflow' | 'override';
}

export interface TemplateResult<T> {
  template: string;
  key: string;
  value: T;
  parameters: TemplateParameter[];
  /** 0..1: how sure we are that this template is one endpoint (1 for all-literal, well-seen paths). */
  confidence: number;
  forced: boolean;
}

const DISTINCT_CAP = 1000;

class Node<T> {
  readonly literals = new Map<string, Node<T>>();
  param?: Node<T>;
  readonly kinds = new Map<SegmentKind, number>();
  readonly distinct = new Set<string>();
  distinctCapped = false;
  reason: TemplateParameter['reason'] = 'typed';
  /** For a literal child: the weak identifier kind it was created from. */
  weakKind?: SegmentKind;
  pinned = false;
  overflowed = false;
  hits = 0;
  readonly values = new Map<string, T>();

  noteValue(value: string, kind: SegmentKind): void {
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
    if (!this.distinctCapped) {
      this.distinct.add(value);
      if (this.distinct.size >= DISTINCT_CAP) this.distinctCapped = true;
    }
  }

  /** Adds distinct values from a merged branch without counting their kinds twice. */
  noteValueOnly(value: string): void {
    if (this.distinctCapped) return;
    this.distinct.add(value);
    if (this.distinct.size >= DISTINCT_CAP) this.distinctCapped = true;
  }
}

interface Pattern {
  segments: string[];
  template: string;
}

export class PathTemplater<T> {
  private readonly root = new Node<T>();
  private readonly forced = new Map<string, Map<string, T>>();
  private readonly forcedPatterns: Pattern[];
  private readonly literalPatterns: Pattern[];
  private nodes = 1;
  private readonly minWordCardinality: number;
  private readonly maxLiteralChildren: number;
  private readonly maxNodes: number;

  constructor(private readonly options: TemplaterOptions<T>) {
    this.minWordCardinality = options.minWordCardinality ?? 20;
    this.maxLiteralChildren = options.maxLiteralChildren ?? 256;
    this.maxNodes = options.maxNodes ?? 100_000;
    this.forcedPatterns = (options.overrides?.templates ?? []).map(toPattern);
    this.literalPatterns = (options.overrides?.literals ?? []).map(toPattern);
  }

  /** Files a concrete path under `key`; returns the accumulator to update for this exchange. */
  add(path: string, key: string): T {
    const segments = splitPath(path);
    for (const pattern of this.forcedPatterns) {
      if (matches(pattern.segments, segments, true)) return this.slot(this.forcedSlot(pattern.template), key);
    }
    const pinned = this.pinnedPositions(segments);
    let node = this.root;
    node.hits++;
    for (let index = 0; index < segments.length; index++) {
      const raw = segments[index]!;
      const decoded = decodeUriComponentSafely(raw);
      const cls = pinned.has(index) ? { kind: 'word' as SegmentKind, strength: 'none' as const } : classifySegment(decoded);
      let next: Node<T> | undefined;
      if (cls.strength === 'strong') {
        next = this.paramOf(node);
        next.noteValue(decoded, cls.kind);
      } else {
        next = node.literals.get(raw);
        if (!next) {
          const full = node.literals.size >= this.maxLiteralChildren || this.nodes >= this.maxNodes;
          if (full && !pinned.has(index) && !RESERVED_SEGMENTS.has(decoded.toLowerCase())) {
            node.overflowed = true;
            next = this.paramOf(node);
            next.noteValue(decoded, cls.kind);
            if (next.reason === 'typed') next.reason = 'overflow';
          } else {
            next = new Node<T>();
            this.nodes++;
            if (cls.strength === 'weak') next.weakKind = cls.kind;
            next.pinned = pinned.has(index);
            node.literals.set(raw, next);
          }
        }
      }
      next.hits++;
      node = next;
    }
    return this.slot(node.values, key);
  }

  /** Decides the parameters and returns one result per (template, key). */
  finish(): TemplateResult<T>[] {
    this.settle(this.root);
    const results: TemplateResult<T>[] = [];
    this.collect(this.root, [], [], results);
    for (const [template, values] of this.forced) {
      const segments = splitPath(template);
      const parameters: TemplateParameter[] = [];
      segments.forEach((segment, index) => {
        const name = /^\{(.+)\}$/.exec(segment)?.[1];
        if (name) parameters.push({ name, index, kinds: {}, distinct: 0, distinctCapped: false, confidence: 1, reason: 'override' });
      });
      for (const [key, value] of values) results.push({ template, key, value, parameters, confidence: 1, forced: true });
    }
    results.sort((a, b) => a.template.localeCompare(b.template) || a.key.localeCompare(b.key));
    return results;
  }

  /** Live node count (for memory tests). */
  get size(): number {
    return this.nodes;
  }

  private forcedSlot(template: string): Map<string, T> {
    let values = this.forced.get(template);
    if (!values) this.forced.set(template, (values = new Map()));
    return values;
  }

  private slot(values: Map<string, T>, key: string): T {
    let value = values.get(key);
    if (value === undefined) {
      value = this.options.create();
      values.set(key, value);
    }
    return value;
  }

  private paramOf(node: Node<T>): Node<T> {
    if (!node.param) {
      node.param = new Node<T>();
      this.nodes++;
    }
    return node.param;
  }

  private pinnedPositions(segments: readonly string[]): Set<number> {
    const pinned = new Set<number>();
    for (const pattern of this.literalPatterns) {
      if (!matches(pattern.segments, segments, false)) continue;
      pattern.segments.forEach((segment, index) => {
        if (isWildcard(segment)) pinned.add(index);
      });
    }
    return pinned;
  }

  /** Top-down: merge literal siblings that are values into the parameter child, then recurse. */
  private settle(node: Node<T>): void {
    const mergeable = [...node.literals.entries()].filter(([name, child]) => !child.pinned && !RESERVED_SEGMENTS.has(decodeUriComponentSafely(name).toLowerCase()));
    const weak = mergeable.filter(([, child]) => child.weakKind !== undefined);
    const toMerge: [string, Node<T>, TemplateParameter['reason']][] = [];
    if (weak.length >= 2 || (weak.length >= 1 && node.param)) weak.forEach(([name, child]) => toMerge.push([name, child, 'weak-typed']));
    const words = mergeable.filter(([, child]) => child.weakKind === undefined);
    if (node.overflowed) {
      words.forEach(([name, child]) => toMerge.push([name, child, 'overflow']));
    } else if (words.length >= this.minWordCardinality && valueLikeSiblings(words.map(([, child]) => child))) {
      words.forEach(([name, child]) => toMerge.push([name, child, 'cardinality']));
    }
    for (const [name, child, reason] of toMerge) {
      node.literals.delete(name);
      const param = this.paramOf(node);
      if (param.reason === 'typed' && param.hits === 0) param.reason = reason;
      const decoded = decodeUriComponentSafely(name);
      const kind = child.weakKind ?? classifySegment(decoded).kind;
      param.noteValue(decoded, kind);
      if (child.hits > 1) param.kinds.set(kind, (param.kinds.get(kind) ?? 0) + child.hits - 1);
      this.mergeInto(param, child);
      this.nodes--;
    }
    for (const child of node.literals.values()) this.settle(child);
    if (node.param) this.settle(node.param);
  }

  private mergeInto(into: Node<T>, from: Node<T>): void {
    into.hits += from.hits;
    for (const [key, value] of from.values) {
      const existing = into.values.get(key);
      if (existing === undefined) into.values.set(key, value);
      else this.options.merge(existing, value);
    }
    for (const [name, child] of from.literals) {
      const existing = into.literals.get(name);
      if (existing) {
        this.mergeInto(existing, child);
        this.nodes--;
      } else into.literals.set(name, child);
    }
    if (from.param) {
      if (into.param) {
        for (const [kind, count] of from.param.kinds) into.param.kinds.set(kind, (into.param.kinds.get(kind) ?? 0) + count);
        for (const value of from.param.distinct) if (!into.param.distinctCapped) into.param.noteValueOnly(value);
        this.mergeInto(into.param, from.param);
        this.nodes--;
      } else into.param = from.param;
    }
    into.overflowed ||= from.overflowed;
  }

  private collect(node: Node<T>, segments: string[], parameters: TemplateParameter[], results: TemplateResult<T>[]): void {
    if (node.values.size > 0) {
      const template = '/' + segments.join('/');
      const literalDoubt = node.weakKind !== undefined ? 0.6 : 1;
      const confidence = Math.min(literalDoubt, ...parameters.map((parameter) => parameter.confidence));
      for (const [key, value] of node.values) {
        results.push({ template, key, value, parameters: parameters.map((parameter) => ({ ...parameter })), confidence: round(confidence), forced: false });
      }
    }
    for (const [name, child] of node.literals) this.collect(child, [...segments, name], parameters, results);
    if (node.param) {
      const param = node.param;
      const name = uniqueName(parameterName(segments), (taken) => parameters.some((parameter) => parameter.name === taken));
      const parameter: TemplateParameter = {
        name,
        index: segments.length,
        kinds: Object.fromEntries(param.kinds),
        distinct: param.distinct.size,
        distinctCapped: param.distinctCapped,
        confidence: parameterConfidence(param),
        reason: param.reason,
      };
      this.collect(param, [...segments, `{${name}}`], [...parameters, parameter], results);
    }
  }
}

const STRONG: ReadonlySet<SegmentKind> = new Set(['integer', 'uuid', 'ulid', 'date', 'email']);

/** Typed evidence and more than one distinct value raise confidence; words merged by count lower it. */
function parameterConfidence(param: Node<unknown>): number {
  let total = 0;
  let typed = 0;
  for (const [kind, count] of param.kinds) {
    total += count;
    if (STRONG.has(kind) || kind === 'hex' || kind === 'token' || kind === 'slug-id') typed += count;
  }
  const typedShare = total === 0 ? 0 : typed / total;
  const distinctFactor = Math.min(1, param.distinct.size / 3);
  return round(0.4 + 0.4 * typedShare + 0.2 * distinctFactor);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

const IRREGULAR: Record<string, string> = { people: 'person', children: 'child', men: 'man', women: 'woman', data: 'data', media: 'media', indices: 'index' };

/** `users` → `userId`, `categories` → `categoryId`, otherwise `id`. */
export function parameterName(previous: readonly string[]): string {
  const last = previous[previous.length - 1];
  if (!last || last.startsWith('{') || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(last) || /^v\d+$/i.test(last) || last.toLowerCase() === 'api') return 'id';
  let singular = IRREGULAR[last.toLowerCase()] ?? last;
  if (singular !== last) {
    // irregular plural handled
  } else if (/ies$/i.test(singular)) singular = singular.slice(0, -3) + 'y';
  else if (/(ses|xes|ches|shes)$/i.test(singular)) singular = singular.slice(0, -2);
  else if (/[^s]s$/i.test(singular)) singular = singular.slice(0, -1);
  const camel = singular.replace(/[-_]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  return `${camel.charAt(0).toLowerCase()}${camel.slice(1)}Id`;
}

/** `name`, or `name2`, `name3`… when a path already has a parameter of that name. */
export function uniqueName(name: string, isTaken: (name: string) => boolean): string {
  if (!isTaken(name)) return name;
  let n = 2;
  while (isTaken(`${name}${n}`)) n++;
  return `${name}${n}`;
}

/**
 * Do these literal siblings look like values of one parameter rather than distinct resources?
 * Values share one sub-structure, though each value shows only part of it (one user was seen with
 * `/members`, another only as a leaf): so nearly every sibling's keys must fall within the keys that
 * recur among siblings. Resources differ: a sibling that has its own identifier position below it
 * (`/users/{userId}` beside `/orders/{orderId}`) is a collection, and collections never merge.
 */
function valueLikeSiblings(children: readonly Node<unknown>[]): boolean {
  const keysOf = (child: Node<unknown>) => {
    const keys = [...child.literals.keys()];
    if (child.param) keys.push('{}');
    if (child.values.size > 0) keys.push('#');
    return keys;
  };
  let collections = 0;
  const frequency = new Map<string, number>();
  const keyLists = children.map((child) => {
    const strongIds = child.param && [...child.param.kinds.keys()].some((kind) => STRONG.has(kind) || kind === 'hex') && child.param.distinct.size >= 2;
    if (strongIds) collections++;
    const keys = keysOf(child);
    for (const key of keys) frequency.set(key, (frequency.get(key) ?? 0) + 1);
    return keys;
  });
  if (collections > children.length * 0.2) return false;
  const recurring = (key: string) => (frequency.get(key) ?? 0) >= Math.max(2, children.length * 0.1);
  const fitting = keyLists.filter((keys) => keys.every(recurring)).length;
  return fitting >= children.length * 0.9;
}

export function splitPath(path: string): string[] {
  // One pass, no intermediate arrays: the proxy splits every request's path.
  let end = path.indexOf('?');
  if (end === -1) end = path.length;
  const hash = path.indexOf('#');
  if (hash !== -1 && hash < end) end = hash;
  const segments: string[] = [];
  let start = 0;
  while (start < end) {
    let slash = path.indexOf('/', start);
    if (slash === -1 || slash > end) slash = end;
    if (slash > start) segments.push(path.slice(start, slash));
    start = slash + 1;
  }
  return segments;
}


function toPattern(template: string): Pattern {
  return { segments: splitPath(template), template: '/' + splitPath(template).join('/') };
}

function isWildcard(segment: string): boolean {
  return segment === '*' || /^\{.+\}$/.test(segment);
}

/** `exact`: same length; otherwise the pattern is a prefix of the path. */
function matches(pattern: readonly string[], segments: readonly string[], exact: boolean): boolean {
  if (exact ? pattern.length !== segments.length : pattern.length > segments.length) return false;
  for (let k = 0; k < pattern.length; k++) {
    if (!isWildcard(pattern[k]!) && pattern[k] !== segments[k]) return false;
  }
  return true;
}
