import { COLLECTION_STYLE, EVENT_ID, SCALAR_STYLE, type Event } from 'js-yaml';
import { NODE_ALIAS, NODE_MAPPING, NODE_SCALAR, NODE_SEQUENCE, NodeIndexBuilder, STYLE_DOUBLE, STYLE_PLAIN, STYLE_SINGLE, type NodeIndex } from './node-index.js';

/**
 * Builds the position index of a YAML document from js-yaml's event stream. Counts aliases on the
 * way, and notes whether any plain `<<` (a YAML 1.1 merge key) appears, so merges cost nothing in
 * files without them.
 */
export function indexYamlEvents(text: string, events: readonly Event[]): { index: NodeIndex; aliases: number; documents: number; merges: boolean } {
  const writer = new YamlIndexWriter(text, events.length);
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        writer.document();
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        writer.collection(event.type === EVENT_ID.MAPPING ? NODE_MAPPING : NODE_SEQUENCE, event.start, event.style === COLLECTION_STYLE.FLOW, event.anchorStart, event.anchorEnd);
        break;
      case EVENT_ID.SCALAR:
        writer.scalar(event.valueStart, event.valueEnd, event.style, event.anchorStart, event.anchorEnd);
        break;
      case EVENT_ID.ALIAS:
        writer.alias(event.anchorStart, event.anchorEnd);
        break;
      case EVENT_ID.POP:
        writer.pop();
        break;
    }
  }
  return { index: writer.build(), aliases: writer.aliases, documents: writer.documents, merges: writer.merges };
}

/**
 * Turns parse events (js-yaml's, or the common-subset parser's, which reports the same offsets) into
 * the position index: one place that decides where each node starts and ends.
 */
export class YamlIndexWriter {
  aliases = 0;
  documents = 0;
  merges = false;
  private readonly builder: NodeIndexBuilder;
  private readonly stack: number[] = [];
  private readonly flow: boolean[] = [];
  /** End of the node completed last: when a collection closes, that is its last child. */
  private lastEnd = 0;
  /** Anchor name → node, as defined so far (a later anchor of the same name shadows it); alias node → that node. */
  private readonly anchors = new Map<string, number>();
  private readonly aliasTargets = new Map<number, number>();

  constructor(
    private readonly text: string,
    capacity: number,
  ) {
    this.builder = new NodeIndexBuilder(capacity);
  }

  document(): void {
    this.documents++;
    this.stack.push(-1);
    this.flow.push(false);
  }

  /** `eventStart`: the first key or item, or the opening bracket of a flow collection. */
  collection(kind: typeof NODE_MAPPING | typeof NODE_SEQUENCE, eventStart: number, isFlow: boolean, anchorStart = -1, anchorEnd = -1): void {
    const start = anchorStart >= 0 ? Math.min(eventStart, anchorStart - 1) : eventStart;
    const node = this.builder.add(kind, Math.max(0, start), eventStart + 1);
    if (anchorStart >= 0) this.anchors.set(this.text.slice(anchorStart, anchorEnd), node);
    this.stack.push(node);
    this.flow.push(isFlow);
  }

  /** Offsets of the scalar's content (inside quotes; from the line after a block scalar's header); -1 for an empty node. */
  scalar(valueStart: number, valueEnd: number, scalarStyle: number, anchorStart = -1, anchorEnd = -1): void {
    const text = this.text;
    const quoted = scalarStyle === SCALAR_STYLE.SINGLE_QUOTED || scalarStyle === SCALAR_STYLE.DOUBLE_QUOTED;
    const style = scalarStyle === SCALAR_STYLE.SINGLE_QUOTED ? STYLE_SINGLE : scalarStyle === SCALAR_STYLE.DOUBLE_QUOTED ? STYLE_DOUBLE : STYLE_PLAIN;
    const block = scalarStyle === SCALAR_STYLE.LITERAL_BLOCK || scalarStyle === SCALAR_STYLE.FOLDED_BLOCK;
    const start = block ? blockScalarHeader(text, valueStart, this.lastEnd) : Math.max(0, quoted ? valueStart - 1 : valueStart);
    const end = quoted ? valueEnd + 1 : valueEnd;
    this.lastEnd = Math.max(start, end);
    const node = this.builder.add(NODE_SCALAR, start, this.lastEnd, style);
    if (anchorStart >= 0) this.anchors.set(text.slice(anchorStart, anchorEnd), node);
    if (style === STYLE_PLAIN && end - start === 2 && text.charCodeAt(start) === 60 && text.charCodeAt(start + 1) === 60) this.merges = true;
  }

  alias(anchorStart: number, anchorEnd: number): void {
    this.aliases++;
    const target = this.anchors.get(this.text.slice(anchorStart, anchorEnd));
    const node = this.builder.add(NODE_ALIAS, Math.max(0, anchorStart - 1), anchorEnd);
    if (target !== undefined) this.aliasTargets.set(node, target);
    this.lastEnd = anchorEnd;
  }

  pop(): void {
    const node = this.stack.pop();
    const isFlow = this.flow.pop();
    if (node !== undefined && node >= 0) {
      const end = this.builder.count - 1 > node ? this.lastEnd : this.builder.ends[node]!;
      this.lastEnd = isFlow ? flowEnd(this.text, end) : end;
      this.builder.close(node, this.lastEnd);
    }
  }

  build(): NodeIndex {
    return this.builder.build(this.text, this.merges ? this.aliasTargets : undefined);
  }
}

/**
 * A block scalar's text starts on the line after its `|` or `>` header; ranges start at the header.
 * The header is looked for only after `previousEnd` (the key, on the same line), since a quoted key
 * may itself hold ` >#` or ` | `.
 */
function blockScalarHeader(text: string, valueStart: number, previousEnd: number): number {
  const lineEnd = text.lastIndexOf('\n', valueStart - 1);
  const from = Math.max(text.lastIndexOf('\n', lineEnd - 1) + 1, previousEnd);
  const header = /(?<=^|[ \t])[|>][-+1-9]{0,2}(?:[ \t]+#.*)?[ \t]*\r?$/.exec(text.slice(from, Math.max(from, lineEnd)));
  return header ? from + header.index : Math.max(0, valueStart);
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
