import { escapeSegment, joinPointer } from '../spec/pointer.js';
import type { Source } from '../spec/source.js';

/** A node's place: the file it was written in and its JSON pointer there. */
export class NodeLocation {
  /** Set for a child made by `child()` until its pointer is first asked for. */
  private parent: NodeLocation | undefined;
  private segment: string | number = '';
  private text: string | undefined;

  constructor(
    readonly source: Source,
    pointer: string,
    /** Point at the key rather than the value (for "this key should not be here"). */
    readonly onKey = false,
  ) {
    this.text = pointer;
  }

  /**
   * The JSON pointer, built on first use: the walk makes a location for each of a large
   * document's 100,000s of nodes, and only the few that findings point at need theirs spelled out.
   */
  get pointer(): string {
    if (this.text === undefined) {
      this.text = `${this.parent!.pointer}/${escapeSegment(this.segment)}`;
      this.parent = undefined;
    }
    return this.text;
  }

  child(...segments: (string | number)[]): NodeLocation {
    if (segments.length !== 1) return new NodeLocation(this.source, joinPointer(this.pointer, ...segments));
    const child = new NodeLocation(this.source, '');
    child.text = undefined;
    child.parent = this;
    child.segment = segments[0]!;
    return child;
  }

  key(): NodeLocation {
    return new NodeLocation(this.source, this.pointer, true);
  }
}
