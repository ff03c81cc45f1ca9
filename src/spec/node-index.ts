import { YAML_ESCAPES } from './yaml-escapes.js';

/**
 * A compact, position-only mirror of a parsed document: one entry per node in document order
 * (pre-order), with its source range and the index just past its subtree. Values come from the
 * fast parsers; this index answers "where is /paths/~1users/get?" without keeping a full AST.
 */
export const NODE_MAPPING = 1;
export const NODE_SEQUENCE = 2;
export const NODE_SCALAR = 3;
export const NODE_ALIAS = 4;

export const STYLE_PLAIN = 1;
export const STYLE_SINGLE = 2;
export const STYLE_DOUBLE = 3;

/** Up to this many keys, a mapping is searched in place rather than given a lookup table. */
const SMALL_MAPPING = 12;

/** A node found by following pointer segments; `complete` is false when the path stopped short. */
export interface Located {
  node: number;
  /** The key node of a mapping value; -1 otherwise. */
  keyNode: number;
  complete: boolean;
}

export interface NodeRange {
  start: number;
  end: number;
  keyStart?: number;
  keyEnd?: number;
}

export class NodeIndexBuilder {
  kinds: Uint8Array;
  styles: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  nexts: Int32Array;
  count = 0;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.kinds = new Uint8Array(size);
    this.styles = new Uint8Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.nexts = new Int32Array(size);
  }

  add(kind: number, start: number, end: number, style = 0): number {
    if (this.count === this.kinds.length) this.grow();
    const index = this.count++;
    this.kinds[index] = kind;
    this.styles[index] = style;
    this.starts[index] = start;
    this.ends[index] = end;
    this.nexts[index] = index + 1;
    return index;
  }

  close(index: number, end: number): void {
    this.nexts[index] = this.count;
    this.ends[index] = end;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const copy = <T extends Uint8Array | Int32Array>(from: T, to: T): T => (to.set(from), to);
    this.kinds = copy(this.kinds, new Uint8Array(size));
    this.styles = copy(this.styles, new Uint8Array(size));
    this.starts = copy(this.starts, new Int32Array(size));
    this.ends = copy(this.ends, new Int32Array(size));
    this.nexts = copy(this.nexts, new Int32Array(size));
  }

  /** `aliasTargets` (alias node → anchored node) makes YAML merge keys (`<<`) locatable; only passed when a `<<` was seen. */
  build(text: string, aliasTargets?: ReadonlyMap<number, number>): NodeIndex {
    const trim = <T extends Uint8Array | Int32Array>(a: T): T => a.slice(0, this.count) as T;
    return new NodeIndex(text, trim(this.kinds), trim(this.styles), trim(this.starts), trim(this.ends), trim(this.nexts), aliasTargets);
  }
}

export class NodeIndex {
  private readonly mappingChildren = new Map<number, Map<string, number>>();
  /** Some mapping repeats a key (the parser said so): a key search must then go on to the last. */
  repeatsKeys = false;

  constructor(
    private readonly text: string,
    private readonly kinds: Uint8Array,
    private readonly styles: Uint8Array,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly nexts: Int32Array,
    /** Set only for YAML with merge keys: which node each alias stands for. */
    private readonly aliasTargets?: ReadonlyMap<number, number>,
  ) {}

  get size(): number {
    return this.kinds.length;
  }

  /** The root node, as a starting point for `step`. */
  root(): Located | undefined {
    return this.kinds.length === 0 ? undefined : { node: 0, keyNode: -1, complete: true };
  }

  /**
   * One pointer segment down from `from`. When the child does not exist in this file (the path
   * passes through an alias or a value that is not there), the result is `from` marked incomplete:
   * the deepest node found, which is where a finding about a missing node is shown.
   */
  step(from: Located, segment: string): Located {
    if (!from.complete) return from;
    const node = from.node;
    const kind = this.kinds[node];
    if (kind === NODE_MAPPING) {
      const keyIndex = this.findKey(node, segment) ?? (this.aliasTargets ? this.mergedKey(node, segment, new Set([node])) : undefined);
      if (keyIndex !== undefined) return { node: this.nexts[keyIndex]!, keyNode: keyIndex, complete: true };
    } else if (kind === NODE_SEQUENCE && /^(0|[1-9]\d*)$/.test(segment)) {
      const child = this.nthItem(node, Number(segment));
      if (child >= 0) return { node: child, keyNode: -1, complete: true };
    }
    return { node: from.node, keyNode: from.keyNode, complete: false };
  }

  /** Where a located node is written, with its key's place when it is a mapping value. */
  rangeOf(located: Located): NodeRange {
    const range: NodeRange = { start: this.starts[located.node]!, end: this.ends[located.node]! };
    if (located.keyNode >= 0) {
      range.keyStart = this.starts[located.keyNode]!;
      range.keyEnd = this.ends[located.keyNode]!;
    }
    return range;
  }

  /** Every key that repeats in its mapping, with the pointer of the repeat. Walks the whole index. */
  duplicateKeys(): { segments: string[]; keyStart: number }[] {
    const found: { segments: string[]; keyStart: number }[] = [];
    const visit = (node: number, path: string[]) => {
      const end = this.nexts[node]!;
      if (this.kinds[node] === NODE_MAPPING) {
        const seen = new Set<string>();
        for (let key = node + 1; key < end; ) {
          const value = this.nexts[key]!;
          if (value >= end) break;
          const name = this.decodeKey(key);
          // Several `<<` merge keys in one mapping are allowed (each merges in turn).
          if (seen.has(name) && !(this.aliasTargets && this.isMergeKey(key))) found.push({ segments: [...path, name], keyStart: this.starts[key]! });
          seen.add(name);
          visit(value, [...path, name]);
          key = this.nexts[value]!;
        }
      } else if (this.kinds[node] === NODE_SEQUENCE) {
        for (let child = node + 1, i = 0; child < end; child = this.nexts[child]!, i++) visit(child, [...path, String(i)]);
      }
    };
    if (this.kinds.length > 0) visit(0, []);
    return found;
  }

  /**
   * A key that a mapping gets from its `<<` merge keys, located where it is written (in the anchored
   * mapping). YAML 1.1 order: explicit keys first (the caller), then each `<<` in document order, each
   * list of sources in list order, each source with its own merges. `visited` stops merge loops.
   */
  private mergedKey(node: number, segment: string, visited: Set<number>): number | undefined {
    const end = this.nexts[node]!;
    for (let key = node + 1; key < end; ) {
      const value = this.nexts[key]!;
      if (value >= end) break;
      if (this.isMergeKey(key)) {
        const kind = this.kinds[value];
        const sources = kind === NODE_SEQUENCE ? this.items(value) : [value];
        for (const source of sources) {
          const mapping = this.kinds[source] === NODE_ALIAS ? this.aliasTargets?.get(source) : source;
          if (mapping === undefined || this.kinds[mapping] !== NODE_MAPPING || visited.has(mapping)) continue;
          visited.add(mapping);
          const found = this.children(mapping).get(segment) ?? this.mergedKey(mapping, segment, visited);
          if (found !== undefined) return found;
        }
      }
      key = this.nexts[value]!;
    }
    return undefined;
  }

  private isMergeKey(key: number): boolean {
    return this.styles[key] === STYLE_PLAIN && this.ends[key]! - this.starts[key]! === 2 && this.text.startsWith('<<', this.starts[key]!);
  }

  private items(node: number): number[] {
    const found: number[] = [];
    for (let child = node + 1, end = this.nexts[node]!; child < end; child = this.nexts[child]!) found.push(child);
    return found;
  }

  private nthItem(node: number, n: number): number {
    const end = this.nexts[node]!;
    let child = node + 1;
    for (let i = 0; child < end; i++) {
      if (i === n) return child;
      child = this.nexts[child]!;
    }
    return -1;
  }

  /**
   * The key node named `name` in a mapping. Small mappings are searched in place, comparing the
   * key's text without decoding it; a mapping with many keys gets a table on first use. Of
   * duplicate keys the last one is found: its value is the one parsers keep.
   */
  private findKey(node: number, name: string): number | undefined {
    const table = this.mappingChildren.get(node);
    if (table) return table.get(name);
    const end = this.nexts[node]!;
    let count = 0;
    let found: number | undefined;
    for (let key = node + 1; key < end; ) {
      const value = this.nexts[key]!;
      if (value >= end) break;
      if (++count > SMALL_MAPPING) return this.children(node).get(name);
      if (this.keyIs(key, name)) {
        if (!this.repeatsKeys) return key;
        found = key;
      }
      key = this.nexts[value]!;
    }
    return found;
  }

  private keyIs(index: number, name: string): boolean {
    const start = this.starts[index]!;
    const end = this.ends[index]!;
    const style = this.styles[index];
    if (style === STYLE_PLAIN || style === 0) return end - start === name.length && this.text.startsWith(name, start);
    // Quoted: compare the inside when it holds no escape (\ or ''), else decode. The scan stays
    // inside the key: an unbounded indexOf would search the rest of a 4 MB file for each key.
    const escape = style === STYLE_DOUBLE ? 92 : 39;
    for (let at = start + 1; at < end - 1; at++) if (this.text.charCodeAt(at) === escape) return this.decodeKey(index) === name;
    return end - start - 2 === name.length && this.text.startsWith(name, start + 1);
  }

  private children(node: number): Map<string, number> {
    let table = this.mappingChildren.get(node);
    if (table) return table;
    table = new Map();
    const end = this.nexts[node]!;
    for (let key = node + 1; key < end; ) {
      const value = this.nexts[key]!;
      if (value >= end) break;
      // The last of duplicate keys wins, as in the parsed value.
      table.set(this.decodeKey(key), key);
      key = this.nexts[value]!;
    }
    this.mappingChildren.set(node, table);
    return table;
  }

  private decodeKey(index: number): string {
    const raw = this.text.slice(this.starts[index]!, this.ends[index]!);
    switch (this.styles[index]) {
      case STYLE_SINGLE:
        return raw.slice(1, -1).replace(/''/g, "'");
      case STYLE_DOUBLE:
        return raw.includes('\\') ? unescapeDoubleQuoted(raw.slice(1, -1)) : raw.slice(1, -1);
      default:
        return raw;
    }
  }
}

/** YAML double-quoted escapes, the numeric ones (`\x41`, `\u00e9`, `\U0001F600`) included. */
function unescapeDoubleQuoted(body: string): string {
  return body.replace(/\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (whole, code: string) => {
    if (code.length > 1) return String.fromCodePoint(parseInt(code.slice(1), 16));
    return YAML_ESCAPES[code] ?? whole;
  });
}
