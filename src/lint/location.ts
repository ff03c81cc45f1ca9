import { joinPointer } from '../spec/pointer.js';
import type { Source } from '../spec/source.js';

/** A node's place: the file it was written in and its JSON pointer there. */
export class NodeLocation {
  constructor(
    readonly source: Source,
    readonly pointer: string,
    /** Point at the key rather than the value (for "this key should not be here"). */
    readonly onKey = false,
  ) {}

  child(...segments: (string | number)[]): NodeLocation {
    return new NodeLocation(this.source, joinPointer(this.pointer, ...segments));
  }

  key(): NodeLocation {
    return new NodeLocation(this.source, this.pointer, true);
  }
}
