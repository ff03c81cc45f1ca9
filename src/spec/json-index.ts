import { NODE_MAPPING, NODE_SCALAR, NODE_SEQUENCE, NodeIndexBuilder, STYLE_DOUBLE, type NodeIndex } from './node-index.js';

export interface DuplicateKey {
  /** Pointer segments of the mapping that holds the duplicate. */
  parent: string[];
  key: string;
  keyStart: number;
  keyEnd: number;
}

/**
 * One linear scan over text that JSON.parse has already accepted: records node ranges for later
 * position look-ups and finds duplicate keys, which JSON.parse silently drops.
 */
export function indexJson(text: string): { index: NodeIndex; duplicates: DuplicateKey[]; depth: number } {
  const builder = new NodeIndexBuilder(text.length >> 4);
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
  const containers: { node: number; keys?: Set<string>; items: number; pushed: boolean }[] = [];
  let expectValue = true;
  let depth = 0;
  skipSpace();
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const node = builder.add(c === 123 ? NODE_MAPPING : NODE_SEQUENCE, i, i + 1);
      const container: { node: number; keys?: Set<string>; items: number; pushed: boolean } = { node, items: 0, pushed: false };
      if (c === 123) container.keys = new Set();
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
      path.push('0');
      container.pushed = true;
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
      const key = decode(i, end);
      const top = containers[containers.length - 1]!;
      if (top.keys!.has(key)) duplicates.push({ parent: path.slice(0, top.pushed ? -1 : path.length), key, keyStart: i, keyEnd: end });
      top.keys!.add(key);
      if (top.pushed) path[path.length - 1] = key;
      else path.push(key), (top.pushed = true);
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
  return { index: builder.build(text), duplicates, depth };

  function afterValue(): void {
    skipSpace();
    const top = containers[containers.length - 1];
    if (!top) return;
    if (text.charCodeAt(i) === 44 /* , */) {
      i++;
      skipSpace();
      if (top.keys) expectValue = false;
      else {
        top.items++;
        path[path.length - 1] = String(top.items);
        expectValue = true;
      }
    }
  }
}
