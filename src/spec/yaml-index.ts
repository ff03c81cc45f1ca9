import { COLLECTION_STYLE, EVENT_ID, SCALAR_STYLE, type Event } from 'js-yaml';
import { NODE_ALIAS, NODE_MAPPING, NODE_SCALAR, NODE_SEQUENCE, NodeIndexBuilder, STYLE_DOUBLE, STYLE_PLAIN, STYLE_SINGLE, type NodeIndex } from './node-index.js';

/**
 * Builds the position index of a YAML document from js-yaml's event stream. Counts aliases on the
 * way, and notes whether any plain `<<` (a YAML 1.1 merge key) appears, so merges cost nothing in
 * files without them.
 */
export function indexYamlEvents(text: string, events: readonly Event[]): { index: NodeIndex; aliases: number; documents: number; merges: boolean } {
  const builder = new NodeIndexBuilder(events.length);
  const stack: number[] = [];
  const flow: boolean[] = [];
  /** End of the node completed last: when a collection closes, that is its last child. */
  let lastEnd = 0;
  let aliases = 0;
  let documents = 0;
  let merges = false;
  /** Anchor name → node, as defined so far (a later anchor of the same name shadows it); alias node → that node. */
  const anchors = new Map<string, number>();
  const aliasTargets = new Map<number, number>();
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documents++;
        stack.push(-1);
        flow.push(false);
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const start = event.anchorStart >= 0 ? Math.min(event.start, event.anchorStart - 1) : event.start;
        const node = builder.add(event.type === EVENT_ID.MAPPING ? NODE_MAPPING : NODE_SEQUENCE, Math.max(0, start), event.start + 1);
        if (event.anchorStart >= 0) anchors.set(text.slice(event.anchorStart, event.anchorEnd), node);
        stack.push(node);
        flow.push(event.style === COLLECTION_STYLE.FLOW);
        break;
      }
      case EVENT_ID.SCALAR: {
        const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
        const style = event.style === SCALAR_STYLE.SINGLE_QUOTED ? STYLE_SINGLE : event.style === SCALAR_STYLE.DOUBLE_QUOTED ? STYLE_DOUBLE : STYLE_PLAIN;
        const block = event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK;
        const start = block ? blockScalarHeader(text, event.valueStart) : Math.max(0, quoted ? event.valueStart - 1 : event.valueStart);
        const end = quoted ? event.valueEnd + 1 : event.valueEnd;
        lastEnd = Math.max(start, end);
        const node = builder.add(NODE_SCALAR, start, lastEnd, style);
        if (event.anchorStart >= 0) anchors.set(text.slice(event.anchorStart, event.anchorEnd), node);
        if (style === STYLE_PLAIN && end - start === 2 && text.charCodeAt(start) === 60 && text.charCodeAt(start + 1) === 60) merges = true;
        break;
      }
      case EVENT_ID.ALIAS: {
        aliases++;
        const target = anchors.get(text.slice(event.anchorStart, event.anchorEnd));
        const node = builder.add(NODE_ALIAS, Math.max(0, event.anchorStart - 1), event.anchorEnd);
        if (target !== undefined) aliasTargets.set(node, target);
        lastEnd = event.anchorEnd;
        break;
      }
      case EVENT_ID.POP: {
        const node = stack.pop();
        const isFlow = flow.pop();
        if (node !== undefined && node >= 0) {
          const end = builder.count - 1 > node ? lastEnd : builder.ends[node]!;
          lastEnd = isFlow ? flowEnd(text, end) : end;
          builder.close(node, lastEnd);
        }
        break;
      }
    }
  }
  return { index: builder.build(text, merges ? aliasTargets : undefined), aliases, documents, merges };
}

/** A block scalar's text starts on the line after its `|` or `>` header; ranges start at the header. */
function blockScalarHeader(text: string, valueStart: number): number {
  const lineEnd = text.lastIndexOf('\n', valueStart - 1);
  const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
  const header = /(?<=^|[ \t])[|>][-+1-9]{0,2}[ \t]*(?:#.*)?\r?$/.exec(text.slice(lineStart, Math.max(lineStart, lineEnd)));
  return header ? lineStart + header.index : Math.max(0, valueStart);
}

/** The end of a flow collection is just past its closing bracket, after any commas and comments. */
function flowEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '}' || c === ']') return i + 1;
    if (c === '#') i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== ',') return from;
  }
  return from;
}
