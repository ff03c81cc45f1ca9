import { EVENT_ID, SCALAR_STYLE, type Event } from 'js-yaml';
import { NODE_ALIAS, NODE_MAPPING, NODE_SCALAR, NODE_SEQUENCE, NodeIndexBuilder, STYLE_DOUBLE, STYLE_PLAIN, STYLE_SINGLE, type NodeIndex } from './node-index.js';

/** Builds the position index of a YAML document from js-yaml's event stream. Counts aliases on the way. */
export function indexYamlEvents(text: string, events: readonly Event[]): { index: NodeIndex; aliases: number; documents: number } {
  const builder = new NodeIndexBuilder(events.length);
  const stack: number[] = [];
  let aliases = 0;
  let documents = 0;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        documents++;
        stack.push(-1);
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const start = event.anchorStart >= 0 ? Math.min(event.start, event.anchorStart - 1) : event.start;
        stack.push(builder.add(event.type === EVENT_ID.MAPPING ? NODE_MAPPING : NODE_SEQUENCE, Math.max(0, start), event.start + 1));
        break;
      }
      case EVENT_ID.SCALAR: {
        const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
        const style = event.style === SCALAR_STYLE.SINGLE_QUOTED ? STYLE_SINGLE : event.style === SCALAR_STYLE.DOUBLE_QUOTED ? STYLE_DOUBLE : STYLE_PLAIN;
        const start = Math.max(0, quoted ? event.valueStart - 1 : event.valueStart);
        const end = quoted ? event.valueEnd + 1 : event.valueEnd;
        builder.add(NODE_SCALAR, start, Math.max(start, end), style);
        break;
      }
      case EVENT_ID.ALIAS:
        aliases++;
        builder.add(NODE_ALIAS, Math.max(0, event.anchorStart - 1), event.anchorEnd);
        break;
      case EVENT_ID.POP: {
        const node = stack.pop();
        if (node !== undefined && node >= 0) {
          const last = builder.count - 1;
          builder.close(node, last > node ? builder.ends[last]! : builder.starts[node]! + 2);
        }
        break;
      }
    }
  }
  return { index: builder.build(text), aliases, documents };
}
