/**
 * A streaming scanner that pulls the elements of one array out of a JSON text (HAR's `log.entries`)
 * without building the whole document: memory is bounded by the largest single element.
 * It tracks only structure (objects, arrays, strings, keys); each element's text is handed to
 * JSON.parse by the caller. Strings are skipped with a regex, so the hot loop touches few characters.
 */
export interface ArrayStreamOptions {
  /** Keys leading to the array, from the root object: `['log', 'entries']`. */
  path: readonly string[];
  /** Elements longer than this (in UTF-16 units) are skipped and counted in `oversized`. */
  maxElementLength?: number;
}

const enum Kind {
  Object,
  Array,
}

interface Frame {
  kind: Kind;
  key: string | null;
  expectKey: boolean;
  target: boolean;
}

const STRING_STOP = /["\\]/g;
const MAX_KEY_LENGTH = 256;

export class JsonArrayStream {
  private readonly path: readonly string[];
  private readonly maxElementLength: number;
  private readonly stack: Frame[] = [];
  private inString = false;
  private stringIsKey = false;
  private pendingEscape = false;
  private keyParts = '';
  /** Depth (stack length) of the element being captured; -1 when not capturing. */
  private captureDepth = -1;
  private captureParts: string[] = [];
  private captureLength = 0;
  private captureOverflow = false;
  private sawTarget = false;
  /** Characters consumed so far, for error offsets. */
  offset = 0;
  elements = 0;
  oversized = 0;

  constructor(options: ArrayStreamOptions) {
    this.path = options.path;
    this.maxElementLength = options.maxElementLength ?? 512 * 1024 * 1024;
  }

  /** Feeds the next chunk of text; returns the complete elements it closed, as JSON text. */
  push(chunk: string): string[] {
    const out: string[] = [];
    const stack = this.stack;
    let captureStart = this.captureDepth >= 0 ? 0 : -1;
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.inString) {
        if (this.pendingEscape) {
          this.pendingEscape = false;
          if (this.stringIsKey) this.appendKey(chunk, i, i + 1);
          i++;
          continue;
        }
        if (!this.stringIsKey) {
          // Values (HAR bodies are JSON inside strings, full of \"): jump from quote to quote and
          // look back at the backslashes before each, instead of stopping at every escape.
          let j = chunk.indexOf('"', i);
          while (j !== -1) {
            let k = j - 1;
            while (k >= i && chunk.charCodeAt(k) === 92) k--;
            if ((j - 1 - k) % 2 === 0) break;
            j = chunk.indexOf('"', j + 1);
          }
          if (j === -1) {
            let k = n - 1;
            while (k >= i && chunk.charCodeAt(k) === 92) k--;
            this.pendingEscape = (n - 1 - k) % 2 === 1;
            i = n;
            break;
          }
          this.inString = false;
          i = j + 1;
          continue;
        }
        STRING_STOP.lastIndex = i;
        const match = STRING_STOP.exec(chunk);
        if (!match) {
          if (this.stringIsKey) this.appendKey(chunk, i, n);
          i = n;
          break;
        }
        const j = match.index;
        if (chunk.charCodeAt(j) === 92 /* \ */) {
          if (this.stringIsKey) this.appendKey(chunk, i, j + 1);
          if (j + 1 < n) {
            if (this.stringIsKey) this.appendKey(chunk, j + 1, j + 2);
            i = j + 2;
          } else {
            this.pendingEscape = true;
            i = n;
          }
          continue;
        }
        // closing quote
        if (this.stringIsKey) {
          this.appendKey(chunk, i, j);
          const top = stack[stack.length - 1]!;
          top.key = decodeKey(this.keyParts);
          top.expectKey = false;
          this.keyParts = '';
        }
        this.inString = false;
        i = j + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      switch (c) {
        case 34 /* " */: {
          const top = stack[stack.length - 1];
          this.inString = true;
          this.stringIsKey = top !== undefined && top.kind === Kind.Object && top.expectKey;
          break;
        }
        case 123 /* { */:
        case 91 /* [ */: {
          const kind = c === 123 ? Kind.Object : Kind.Array;
          const parent = stack[stack.length - 1];
          if (this.captureDepth < 0 && parent?.target && kind === Kind.Object) {
            this.captureDepth = stack.length + 1;
            captureStart = i;
            this.captureParts = [];
            this.captureLength = 0;
            this.captureOverflow = false;
          }
          const target = kind === Kind.Array && this.captureDepth < 0 && this.matchesPath();
          if (target) this.sawTarget = true;
          stack.push({ kind, key: null, expectKey: kind === Kind.Object, target });
          break;
        }
        case 125 /* } */:
        case 93 /* ] */: {
          const closing = stack.pop();
          if (!closing || (closing.kind === Kind.Object) !== (c === 125)) {
            throw new JsonStreamError(`unexpected "${String.fromCharCode(c)}"`, this.offset + i);
          }
          if (this.captureDepth >= 0 && stack.length === this.captureDepth - 1) {
            const piece = chunk.slice(captureStart, i + 1);
            if (!this.captureOverflow && this.captureLength + piece.length <= this.maxElementLength) {
              this.captureParts.push(piece);
              out.push(this.captureParts.length === 1 ? this.captureParts[0]! : this.captureParts.join(''));
              this.elements++;
            } else {
              this.oversized++;
            }
            this.captureParts = [];
            this.captureLength = 0;
            this.captureDepth = -1;
            captureStart = -1;
          }
          break;
        }
        case 44 /* , */: {
          const top = stack[stack.length - 1];
          if (top && top.kind === Kind.Object) top.expectKey = true;
          break;
        }
        default:
          break;
      }
      i++;
    }
    if (this.captureDepth >= 0 && captureStart >= 0) {
      const piece = chunk.slice(captureStart);
      this.captureLength += piece.length;
      if (this.captureLength > this.maxElementLength) {
        this.captureOverflow = true;
        this.captureParts = [];
      } else if (!this.captureOverflow) {
        this.captureParts.push(piece);
      }
    }
    this.offset += n;
    return out;
  }

  /** Call at the end of input. Throws when the text ended inside the document (truncated). */
  end(): void {
    if (this.inString || this.stack.length > 0) {
      throw new JsonStreamError(`the JSON text ends early (truncated) after ${this.elements} complete elements`, this.offset);
    }
    if (!this.sawTarget) throw new JsonStreamError(`no "${this.path.join('.')}" array found`, this.offset);
  }

  get foundTarget(): boolean {
    return this.sawTarget;
  }

  private matchesPath(): boolean {
    const stack = this.stack;
    if (stack.length !== this.path.length) return false;
    for (let k = 0; k < stack.length; k++) {
      const frame = stack[k]!;
      if (frame.kind !== Kind.Object || frame.key !== this.path[k]) return false;
    }
    return true;
  }

  private appendKey(chunk: string, from: number, to: number): void {
    if (this.keyParts.length < MAX_KEY_LENGTH) this.keyParts += chunk.slice(from, Math.min(to, from + MAX_KEY_LENGTH));
  }
}

function decodeKey(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

export class JsonStreamError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonStreamError';
  }
}
