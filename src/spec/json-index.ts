import { NODE_MAPPING, NODE_SCALAR, NODE_SEQUENCE, NodeIndexBuilder, STYLE_DOUBLE, type NodeIndex } from './node-index.js';

export interface DuplicateKey {
  /** Pointer segments of the mapping that holds the duplicate. */
  parent: string[];
  key: string;
  keyStart: number;
  keyEnd: number;
}

/**
 * One linear scan over text that JSON.parse has already accepted (`value` is what it gave): records
 * node ranges for later position look-ups and finds duplicate keys, which JSON.parse silently drops.
 * The scan first only counts keys; when the parsed value holds as many, there is no duplicate and
 * no key had to be decoded and remembered. Otherwise a second scan names the duplicates.
 */
export function indexJson(text: string, value: unknown): { index: NodeIndex; duplicates: DuplicateKey[]; depth: number } {
  const counted = scan(text, false);
  if (counted.depth > MAX_COUNTED_DEPTH || counted.keys === countKeys(value)) return counted;
  return scan(text, true);
}

/** Deeper than this the caller refuses the document anyway; counting its keys could overflow the stack. */
const MAX_COUNTED_DEPTH = 5000;

function countKeys(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') count += countKeys(item);
    }
    return count;
  }
  for (const key in value) {
    count++;
    const child = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object') count += countKeys(child);
  }
  return count;
}

interface Container {
  node: number;
  mapping: boolean;
  /** Keys seen so far (only when tracking duplicates). */
  keys?: Set<string>;
  items: number;
  /** Whether this container has a segment on the path (only when tracking duplicates). */
  pushed: boolean;
}

function scan(text: string, track: boolean): { index: NodeIndex; duplicates: DuplicateKey[]; depth: number; keys: number } {
  const builder = new NodeIndexBuilder(text.length >> 4);
  let keys = 0;
  const duplicates: DuplicateKey[] = [];
  const path: string[] = [];
  let i = 0;

  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else return;
    }
  };
  const stringEnd = (from: number): number => {
    let j = from + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      let backslashes = 0;
      for (let k = q - 1; text.charCodeAt(k) === 92; k--) backslashes++;
      if (backslashes % 2 === 0) return q + 1;
      j = q + 1;
    }
  };
  const decode = (start: number, end: number): string => {
    const raw = text.slice(start + 1, end - 1);
    return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
  };

  // Iterative, so deeply nested input cannot overflow the stack.
  const containers: Container[] = [];
  let expectValue = true;
  let depth = 0;
  skipSpace();
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const node = builder.add(c === 123 ? NODE_MAPPING : NODE_SEQUENCE, i, i + 1);
      const container: Container = { node, mapping: c === 123, items: 0, pushed: false };
      if (c === 123 && track) container.keys = new Set();
      containers.push(container);
      if (containers.length > depth) depth = containers.length;
      i++;
      skipSpace();
      const close = text.charCodeAt(i);
      if (close === 125 || close === 93) continue; // empty: closed below
      if (c === 123) {
        expectValue = false;
        continue;
      }
      if (track) {
        path.push('0');
        container.pushed = true;
      }
      expectValue = true;
      continue;
    }
    if (c === 125 /* } */ || c === 93 /* ] */) {
      const top = containers.pop()!;
      if (top.pushed) path.pop();
      i++;
      builder.close(top.node, i);
      afterValue();
      continue;
    }
    if (c === 34 /* " */ && !expectValue) {
      const end = stringEnd(i);
      keys++;
      if (track) {
        const key = decode(i, end);
        const top = containers[containers.length - 1]!;
        if (top.keys!.has(key)) duplicates.push({ parent: path.slice(0, top.pushed ? -1 : path.length), key, keyStart: i, keyEnd: end });
        top.keys!.add(key);
        if (top.pushed) path[path.length - 1] = key;
        else path.push(key), (top.pushed = true);
      }
      builder.add(NODE_SCALAR, i, end, STYLE_DOUBLE);
      i = end;
      skipSpace();
      i++; // the colon
      skipSpace();
      expectValue = true;
      continue;
    }
    // A scalar value.
    let end: number;
    if (c === 34) end = stringEnd(i);
    else {
      end = i + 1;
      for (;;) {
        const d = text.charCodeAt(end);
        if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9 || Number.isNaN(d)) break;
        end++;
      }
    }
    builder.add(NODE_SCALAR, i, end, c === 34 ? STYLE_DOUBLE : 0);
    i = end;
    afterValue();
  }
  return { index: builder.build(text), duplicates, depth, keys };

  function afterValue(): void {
    skipSpace();
    const top = containers[containers.length - 1];
    if (!top) return;
    if (text.charCodeAt(i) === 44 /* , */) {
      i++;
      skipSpace();
      if (top.mapping) expectValue = false;
      else {
        top.items++;
        if (track) path[path.length - 1] = String(top.items);
        expectValue = true;
      }
    }
  }
}
