import { boolCoreTag, floatCoreTag, intCoreTag, NOT_RESOLVED, nullCoreTag, SCALAR_STYLE } from 'js-yaml';
import { NODE_MAPPING, NODE_SEQUENCE, type NodeIndex } from './node-index.js';
import { YAML_ESCAPES } from './yaml-escapes.js';
import { YamlIndexWriter } from './yaml-index.js';

/**
 * A one-pass parser for the YAML that API descriptions are written in: block mappings and
 * sequences, plain, quoted and block scalars, small flow collections, comments. It builds the
 * value and the position index together, with the offsets js-yaml's events would give, at a
 * fraction of the cost of js-yaml's event stream plus construction (most of a large YAML
 * document's load time).
 *
 * It is a fast path, not a YAML implementation: at anything outside that subset (anchors,
 * aliases, tags, explicit keys, directives, several documents, merge keys, duplicate keys, tabs in
 * indentation, odd indentation, any syntax error) it gives up and returns undefined, and the
 * caller parses the file with js-yaml, which then also words any error. Plain scalars are resolved
 * by js-yaml's own core-schema tags, so `012`, `0x1F`, `.inf` or `~` mean what they mean there.
 */
export function parseCommonYaml(text: string, maxDepth: number): { value: unknown; index: NodeIndex } | undefined {
  if (UNSUPPORTED_CHARACTERS.test(text) || (text.includes('\r') && LONE_CR.test(text)) || !isWellFormed(text)) return undefined;
  try {
    return new CommonYamlParser(text, maxDepth).parse();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/** Thrown (and caught above) the moment the text leaves the supported subset. */
const GIVE_UP = Symbol('give up');

/**
 * Left to js-yaml: control characters (it rejects most), a BOM inside the text, tabs, a CR that is
 * not part of a CRLF, lone surrogates. Three separate scans: one regex for all of it took 4× as long.
 */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARACTERS = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF\t]/;
const LONE_CR = /\r(?!\n)/;
/** String.prototype.isWellFormed (Node 20; not yet in TypeScript's ES2023 library). */
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** The core schema's implicit resolvers in js-yaml's order. */
const RESOLVERS = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];
/**
 * Whether a plain scalar starting with this character (char code; 0 for the empty scalar) may be
 * something other than a string: most (keys, words) start with a letter no resolver accepts.
 */
const MAY_RESOLVE = new Uint8Array(128);
for (const tag of RESOLVERS) {
  if (!tag.implicitFirstChars) MAY_RESOLVE.fill(1);
  else for (const first of tag.implicitFirstChars) MAY_RESOLVE[first === '' ? 0 : first.charCodeAt(0)] = 1;
}

const enum Code {
  LF = 10,
  CR = 13,
  Space = 32,
  Bang = 33,
  DoubleQuote = 34,
  Hash = 35,
  Percent = 37,
  Ampersand = 38,
  SingleQuote = 39,
  Star = 42,
  Comma = 44,
  Dash = 45,
  Dot = 46,
  Colon = 58,
  Greater = 62,
  Question = 63,
  At = 64,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  Backtick = 96,
  OpenBrace = 123,
  Pipe = 124,
  CloseBrace = 125,
}

interface ScalarText {
  value: string;
  valueStart: number;
  valueEnd: number;
  style: number;
}

class CommonYamlParser {
  private pos = 0;
  /** Offset where the line holding `pos` starts (kept by every move to a new line). */
  private lineStart = 0;
  private depth = 0;
  private readonly index: YamlIndexWriter;
  private readonly length: number;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    this.length = text.length;
    this.index = new YamlIndexWriter(text, Math.max(16, text.length >> 4));
  }

  parse(): { value: unknown; index: NodeIndex } {
    this.skipToContent();
    if (this.text.startsWith('---', this.pos) && this.column() === 0) {
      this.pos += 3;
      this.endOfLine();
      this.skipToContent();
    }
    if (this.pos >= this.length || this.column() !== 0) this.giveUp();
    this.index.document();
    const value = this.blockNodeAt(0, -1);
    this.skipToContent();
    if (this.pos < this.length) this.giveUp(); // a second document, `...`, or text after the root
    this.index.pop();
    return { value, index: this.index.build() };
  }

  private giveUp(): never {
    throw GIVE_UP;
  }

  private column(): number {
    return this.pos - this.lineStart;
  }

  private code(at = this.pos): number {
    return at < this.length ? this.text.charCodeAt(at) : -1;
  }

  private isBreakOrEnd(at: number): boolean {
    const c = this.code(at);
    return c === -1 || c === Code.LF || c === Code.CR;
  }

  private isBlankOrEnd(at: number): boolean {
    const c = this.code(at);
    return c === -1 || c === Code.LF || c === Code.CR || c === Code.Space;
  }

  /** From anywhere on a line to the start of the next one. */
  private nextLine(): void {
    const newline = this.text.indexOf('\n', this.pos);
    this.pos = newline === -1 ? this.length : newline + 1;
    this.lineStart = this.pos;
  }

  /**
   * Skips blank lines and comment lines; leaves `pos` at the first content character (or the end).
   * Called at the start of a line, or at content already found (a nested collection stops there).
   */
  private skipToContent(): void {
    for (;;) {
      while (this.code() === Code.Space) this.pos++;
      const c = this.code();
      if (c === -1) return;
      if (c === Code.LF || c === Code.CR || c === Code.Hash) {
        this.nextLine();
        continue;
      }
      return;
    }
  }

  /** After a node on a line: only spaces and a comment may follow; moves to the next line. */
  private endOfLine(): void {
    const before = this.pos;
    while (this.code() === Code.Space) this.pos++;
    const c = this.code();
    if (c === Code.Hash && this.pos > before) return this.nextLine();
    if (c === -1) {
      this.lineStart = this.pos;
      return;
    }
    if (c === Code.CR || c === Code.LF) return this.nextLine();
    this.giveUp();
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) this.giveUp();
  }

  /** A block node whose first character is at `pos`, in column `indent`, inside a parent at `parentIndent`. */
  private blockNodeAt(indent: number, parentIndent: number): unknown {
    const c = this.code();
    if (c === Code.Dash && this.isBlankOrEnd(this.pos + 1)) return this.blockSequence(indent);
    if (this.keyAhead()) return this.blockMapping(indent);
    // A scalar or flow collection on a line of its own below its key.
    const value = this.inlineValue(parentIndent);
    this.endOfLine();
    return value;
  }

  private blockMapping(indent: number): Record<string, unknown> {
    this.enter();
    const mapping: Record<string, unknown> = {};
    this.index.collection(NODE_MAPPING, this.pos, false);
    for (;;) {
      const key = this.mappingKey();
      // Duplicates are reported by the js-yaml path.
      if (Object.hasOwn(mapping, key)) this.giveUp();
      this.pos++; // the ':'
      mapping[key] = this.valueAfterIndicator(indent, true);
      this.skipToContent();
      if (this.pos >= this.length) break;
      const column = this.column();
      if (column < indent) break;
      if (column > indent || !this.keyAhead()) this.giveUp();
    }
    this.index.pop();
    this.depth--;
    return mapping;
  }

  private blockSequence(indent: number): unknown[] {
    this.enter();
    const sequence: unknown[] = [];
    this.index.collection(NODE_SEQUENCE, this.pos, false);
    for (;;) {
      this.pos++; // the '-'
      sequence.push(this.valueAfterIndicator(indent, false));
      this.skipToContent();
      if (this.pos >= this.length) break;
      const column = this.column();
      if (column < indent) break;
      if (column > indent || this.code() !== Code.Dash || !this.isBlankOrEnd(this.pos + 1)) {
        // A key at the sequence's own column ends an indentless sequence (a mapping value).
        if (column === indent && this.keyAhead()) break;
        this.giveUp();
      }
    }
    this.index.pop();
    this.depth--;
    return sequence;
  }

  /** The value after `key:` or `-` at `pos`, for a mapping or sequence at `indent`. */
  private valueAfterIndicator(indent: number, inMapping: boolean): unknown {
    while (this.code() === Code.Space) this.pos++;
    const c = this.code();
    if (c === -1 || c === Code.LF || c === Code.CR || c === Code.Hash) {
      if (c === Code.Hash && this.code(this.pos - 1) !== Code.Space) this.giveUp();
      this.nextLine();
      this.skipToContent();
      const column = this.column();
      if (this.pos < this.length && column > indent) return this.blockNodeAt(column, indent);
      // An indentless sequence: `key:` then `- item` lines at the key's own column.
      if (inMapping && this.pos < this.length && column === indent && this.code() === Code.Dash && this.isBlankOrEnd(this.pos + 1)) {
        return this.blockSequence(indent);
      }
      // Nothing below: an empty node. Back to the start of the line the caller continues with.
      this.pos = this.lineStart;
      this.index.scalar(-1, -1, SCALAR_STYLE.PLAIN);
      return null;
    }
    if (!inMapping) {
      const column = this.column();
      // `- key: value` (a compact mapping) and `- - item` (a compact sequence).
      if (c === Code.Dash && this.isBlankOrEnd(this.pos + 1)) return this.blockSequence(column);
      if (this.keyAhead()) return this.blockMapping(column);
    }
    if (c === Code.Pipe || c === Code.Greater) return this.blockScalar(indent);
    const value = this.inlineValue(indent);
    this.endOfLine();
    return value;
  }

  /** A scalar or flow collection starting at `pos`, not a key; continuation lines must be indented past `indent`. */
  private inlineValue(indent: number): unknown {
    const c = this.code();
    if (c === Code.OpenBracket || c === Code.OpenBrace) return this.flowCollection(indent);
    if (c === Code.DoubleQuote || c === Code.SingleQuote) {
      const scalar = this.quotedScalar(indent);
      this.index.scalar(scalar.valueStart, scalar.valueEnd, scalar.style);
      return scalar.value;
    }
    if (!this.canStartPlain(c)) this.giveUp();
    return this.plainBlockScalar(indent);
  }

  private canStartPlain(c: number): boolean {
    switch (c) {
      case Code.Ampersand:
      case Code.Star:
      case Code.Bang:
      case Code.Question:
      case Code.Percent:
      case Code.At:
      case Code.Backtick:
      case Code.Pipe:
      case Code.Greater:
      case Code.Comma:
      case Code.OpenBracket:
      case Code.CloseBracket:
      case Code.OpenBrace:
      case Code.CloseBrace:
      case Code.Hash:
      case Code.SingleQuote:
      case Code.DoubleQuote:
      case -1:
        return false;
      case Code.Dash:
      case Code.Colon:
        return !this.isBlankOrEnd(this.pos + 1);
      default:
        return true;
    }
  }

  /** Is there a simple key (`name:` followed by a blank) at `pos` on this line? Does not move. */
  private keyAhead(): boolean {
    const c = this.code();
    if (c === Code.DoubleQuote || c === Code.SingleQuote) {
      const close = this.closingQuoteOnLine(c);
      if (close === -1) return false;
      let at = close + 1;
      while (this.code(at) === Code.Space) at++;
      return this.code(at) === Code.Colon && this.isBlankOrEnd(at + 1);
    }
    if (!this.canStartPlain(c)) return false;
    for (let at = this.pos; at < this.length; at++) {
      const d = this.text.charCodeAt(at);
      if (d === Code.LF || d === Code.CR) return false;
      if (d === Code.Colon && this.isBlankOrEnd(at + 1)) return true;
      if (d === Code.Hash && this.text.charCodeAt(at - 1) === Code.Space) return false;
    }
    return false;
  }

  private closingQuoteOnLine(quote: number): number {
    for (let at = this.pos + 1; at < this.length; at++) {
      const d = this.text.charCodeAt(at);
      if (d === Code.LF || d === Code.CR) return -1;
      if (quote === Code.DoubleQuote && d === Code.Backslash) at++;
      else if (d === quote) {
        if (quote === Code.SingleQuote && this.text.charCodeAt(at + 1) === Code.SingleQuote) at++;
        else return at;
      }
    }
    return -1;
  }

  /** The key at `pos` (known to be one by `keyAhead`), indexed; leaves `pos` on the ':'. */
  private mappingKey(): string {
    const c = this.code();
    let key: string;
    if (c === Code.DoubleQuote || c === Code.SingleQuote) {
      const scalar = this.quotedScalar(-1);
      this.index.scalar(scalar.valueStart, scalar.valueEnd, scalar.style);
      key = scalar.value;
      while (this.code() === Code.Space) this.pos++;
    } else {
      const start = this.pos;
      let end = start;
      while (!(this.code() === Code.Colon && this.isBlankOrEnd(this.pos + 1))) {
        if (this.code() !== Code.Space) end = this.pos + 1;
        this.pos++;
      }
      this.index.scalar(start, end, SCALAR_STYLE.PLAIN);
      key = this.plainKey(this.text.slice(start, end));
    }
    // `__proto__` as a key needs defineProperty: js-yaml's business.
    if (key === '__proto__') this.giveUp();
    return key;
  }

  /** A plain scalar at `pos`, folded over continuation lines indented past `indent`. */
  private plainBlockScalar(indent: number): unknown {
    const start = this.pos;
    let valueEnd = this.plainLineEnd(start, false);
    let value = this.text.slice(start, valueEnd);
    for (;;) {
      const lineEnd = this.text.indexOf('\n', valueEnd);
      // A comment ends a plain scalar; so does the end of the text.
      if (lineEnd === -1 || this.commentFollows(valueEnd, lineEnd)) break;
      let at = lineEnd + 1;
      let breaks = 0;
      let next = -1;
      while (at < this.length) {
        let column = 0;
        while (this.code(at + column) === Code.Space) column++;
        const d = this.code(at + column);
        if (d === Code.LF || d === Code.CR) {
          breaks++;
          const newline = this.text.indexOf('\n', at + column);
          at = newline === -1 ? this.length : newline + 1;
          continue;
        }
        if (d !== -1 && d !== Code.Hash && column > indent) next = at + column;
        break;
      }
      if (next === -1) break;
      // Any text indented past the parent continues the scalar (`- x` and `[y]` included, as in js-yaml).
      const nextEnd = this.plainLineEnd(next, true);
      value += (breaks === 0 ? ' ' : '\n'.repeat(breaks)) + this.text.slice(next, nextEnd);
      valueEnd = nextEnd;
    }
    this.pos = valueEnd;
    this.lineStart = this.text.lastIndexOf('\n', valueEnd - 1) + 1;
    this.index.scalar(start, valueEnd, SCALAR_STYLE.PLAIN);
    return resolvePlain(value);
  }

  /** Does the rest of this line, from `from`, hold only spaces and a comment? */
  private commentFollows(from: number, lineEnd: number): boolean {
    for (let at = from; at < lineEnd; at++) {
      const d = this.text.charCodeAt(at);
      if (d === Code.Hash) return true;
      if (d !== Code.Space && d !== Code.CR) return false;
    }
    return false;
  }

  /**
   * End of the plain text on this line from `start` (trailing spaces excluded). A `: ` inside it is
   * a key where none may be: give up. In a continuation line, the same.
   */
  private plainLineEnd(start: number, continuation: boolean): number {
    let end = start;
    for (let at = start; at < this.length; at++) {
      const d = this.text.charCodeAt(at);
      if (d === Code.LF || d === Code.CR) break;
      if (d === Code.Colon && this.isBlankOrEnd(at + 1)) this.giveUp();
      if (d === Code.Hash && this.text.charCodeAt(at - 1) === Code.Space) break;
      if (d !== Code.Space) end = at + 1;
    }
    if (continuation && end === start) this.giveUp();
    return end;
  }

  /** A single- or double-quoted scalar at `pos`; leaves `pos` after the closing quote. */
  private quotedScalar(indent: number): ScalarText {
    const quote = this.code();
    const double = quote === Code.DoubleQuote;
    const valueStart = this.pos + 1;
    let value = '';
    let at = valueStart;
    let chunkStart = at;
    for (;;) {
      if (at >= this.length) this.giveUp();
      const d = this.text.charCodeAt(at);
      if (d === quote) {
        if (!double && this.text.charCodeAt(at + 1) === Code.SingleQuote) {
          value += this.text.slice(chunkStart, at + 1);
          at += 2;
          chunkStart = at;
          continue;
        }
        value += this.text.slice(chunkStart, at);
        break;
      }
      if (double && d === Code.Backslash) {
        value += this.text.slice(chunkStart, at);
        const e = this.text[at + 1];
        if (e === '\n' || (e === '\r' && this.text[at + 2] === '\n')) {
          // An escaped line break: joined without a space, the next line's indentation dropped.
          at = this.text.indexOf('\n', at) + 1;
          at = this.continuationStart(at, indent);
          chunkStart = at;
          continue;
        }
        const [text, width] = unescape(this.text, at + 1);
        value += text;
        at += 1 + width;
        chunkStart = at;
        continue;
      }
      if (d === Code.LF || d === Code.CR) {
        // Folding: trailing spaces go, one break becomes a space, each empty line a newline.
        let trimmed = at;
        while (trimmed > chunkStart && this.text.charCodeAt(trimmed - 1) === Code.Space) trimmed--;
        value += this.text.slice(chunkStart, trimmed);
        let breaks = 0;
        at = this.text.indexOf('\n', at) + 1;
        for (;;) {
          let probe = at;
          while (this.code(probe) === Code.Space) probe++;
          const p = this.code(probe);
          if (p === Code.LF || p === Code.CR) {
            breaks++;
            at = this.text.indexOf('\n', probe) + 1;
            if (at === 0) this.giveUp();
            continue;
          }
          break;
        }
        at = this.continuationStart(at, indent);
        value += breaks === 0 ? ' ' : '\n'.repeat(breaks);
        chunkStart = at;
        continue;
      }
      at++;
    }
    this.pos = at + 1;
    return { value, valueStart, valueEnd: at, style: double ? SCALAR_STYLE.DOUBLE_QUOTED : SCALAR_STYLE.SINGLE_QUOTED };
  }

  /** The first character of a quoted scalar's continuation line, which must be indented past `indent`. */
  private continuationStart(lineStart: number, indent: number): number {
    let at = lineStart;
    while (this.code(at) === Code.Space) at++;
    if (at - lineStart <= indent || at >= this.length) this.giveUp();
    if (at - lineStart === 0 && (this.text.startsWith('---', at) || this.text.startsWith('...', at))) this.giveUp();
    this.lineStart = lineStart;
    return at;
  }

  /** `|` or `>` at `pos`, with optional chomping indicator; the text is on the following lines. */
  private blockScalar(indent: number): string {
    const literal = this.code() === Code.Pipe;
    this.pos++;
    let chomping: 'clip' | 'strip' | 'keep' | undefined;
    let explicitIndent = 0;
    // Chomping (`-`, `+`) and indentation (`1`…`9`) indicators, each at most once, in either order.
    for (;;) {
      const c = this.code();
      if ((c === Code.Dash || c === 43) /* + */ && chomping === undefined) chomping = c === Code.Dash ? 'strip' : 'keep';
      else if (c >= 49 && c <= 57 && explicitIndent === 0) explicitIndent = c - 48;
      else break;
      this.pos++;
    }
    chomping ??= 'clip';
    if (!this.isBlankOrEnd(this.pos) && this.code() !== Code.Hash) this.giveUp();
    this.endOfLine();
    const valueStart = this.pos;
    // The content indentation: given (relative to the parent), or that of the first non-empty line.
    let contentIndent = explicitIndent > 0 ? indent + explicitIndent : -1;
    for (let at = this.pos; contentIndent === -1 && at < this.length; ) {
      let column = 0;
      while (this.code(at + column) === Code.Space) column++;
      const d = this.code(at + column);
      if (d === Code.LF || d === Code.CR) {
        at = this.text.indexOf('\n', at + column) + 1 || this.length;
        continue;
      }
      if (d !== -1) contentIndent = column;
      break;
    }
    if (contentIndent <= indent) return this.emptyBlockScalar(valueStart, literal, chomping);
    const lines: string[] = [];
    let sawText = false;
    let at = this.pos;
    let valueEnd = this.length;
    while (at < this.length) {
      let column = 0;
      while (column < contentIndent && this.code(at + column) === Code.Space) column++;
      let lineEnd = this.text.indexOf('\n', at);
      const next = lineEnd === -1 ? this.length : lineEnd + 1;
      if (lineEnd === -1) {
        lineEnd = this.length;
        // Spaces without a line break at the very end are not a line of the scalar (as in js-yaml).
        if (this.text.slice(at).trim() === '') {
          if (this.length - at > contentIndent) this.giveUp();
          valueEnd = at;
          break;
        }
      }
      const contentEnd = this.text.charCodeAt(lineEnd - 1) === Code.CR ? lineEnd - 1 : lineEnd;
      if (column < contentIndent) {
        // Fewer spaces than the content: an empty line if nothing else is on it, else the end.
        let rest = at + column;
        while (this.code(rest) === Code.Space) rest++;
        if (rest < contentEnd) {
          valueEnd = at;
          break;
        }
        if (rest > at + contentIndent) this.giveUp();
        lines.push('');
        at = next;
        continue;
      }
      const line = this.text.slice(at + contentIndent, contentEnd);
      // A line of spaces past the content's indentation is text (its extra spaces kept), but before
      // the first text line it is an indentation error: js-yaml words that.
      if (line.length > 0 && line.trim() === '' && !sawText) this.giveUp();
      if (line.length > 0) sawText = true;
      lines.push(line);
      at = next;
    }
    if (at >= this.length) valueEnd = this.length;
    let last = lines.length;
    while (last > 0 && lines[last - 1] === '') last--;
    const body = lines.slice(0, last);
    const trailing = lines.length - last;
    let value = literal ? body.join('\n') : fold(body);
    if (body.length > 0 && chomping !== 'strip') value += '\n';
    if (chomping === 'keep') value += '\n'.repeat(trailing);
    this.pos = valueEnd;
    this.lineStart = valueEnd;
    this.index.scalar(valueStart, valueEnd, literal ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK);
    return value;
  }

  /** A block scalar with no text, only empty lines: nothing, or (kept) their line breaks. */
  private emptyBlockScalar(valueStart: number, literal: boolean, chomping: 'clip' | 'strip' | 'keep'): string {
    let at = valueStart;
    let breaks = 0;
    while (at < this.length) {
      let column = 0;
      while (this.code(at + column) === Code.Space) column++;
      const d = this.code(at + column);
      if (d === -1) this.giveUp(); // spaces at the very end: js-yaml's call
      if (d !== Code.LF && d !== Code.CR) break;
      breaks++;
      at = this.text.indexOf('\n', at + column) + 1 || this.length;
    }
    this.pos = at;
    this.lineStart = at;
    this.index.scalar(valueStart, at, literal ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK);
    return chomping === 'keep' ? '\n'.repeat(breaks) : '';
  }

  /** `[…]` or `{…}` at `pos`, possibly over several lines indented past `indent`. */
  private flowCollection(indent: number): unknown {
    this.enter();
    const isMapping = this.code() === Code.OpenBrace;
    const close = isMapping ? Code.CloseBrace : Code.CloseBracket;
    this.index.collection(isMapping ? NODE_MAPPING : NODE_SEQUENCE, this.pos, true);
    this.pos++;
    const mapping: Record<string, unknown> = {};
    const sequence: unknown[] = [];
    this.skipFlowSpace(indent);
    if (this.code() === close) this.pos++;
    else {
      for (;;) {
        if (isMapping) {
          const key = this.flowKey(indent);
          if (key === '__proto__' || Object.hasOwn(mapping, key)) this.giveUp();
          this.skipFlowSpace(indent);
          if (this.code() !== Code.Colon) this.giveUp();
          this.pos++;
          this.skipFlowSpace(indent);
          mapping[key] = this.flowValue(indent);
        } else {
          sequence.push(this.flowValue(indent));
        }
        this.skipFlowSpace(indent);
        const c = this.code();
        if (c === close) {
          this.pos++;
          break;
        }
        if (c !== Code.Comma) this.giveUp();
        this.pos++;
        this.skipFlowSpace(indent);
        if (this.code() === close) this.giveUp(); // a trailing comma
      }
    }
    this.index.pop();
    this.depth--;
    return isMapping ? mapping : sequence;
  }

  private flowKey(indent: number): string {
    const c = this.code();
    if (c === Code.DoubleQuote || c === Code.SingleQuote) {
      const scalar = this.quotedScalar(indent);
      this.index.scalar(scalar.valueStart, scalar.valueEnd, scalar.style);
      return scalar.value;
    }
    const { raw, start, end } = this.flowPlain();
    this.index.scalar(start, end, SCALAR_STYLE.PLAIN);
    return this.plainKey(raw);
  }

  /** A plain key as js-yaml makes it a property name (`200`, `true`, `1.0` become "200", "true", "1"). */
  private plainKey(raw: string): string {
    if (raw === '<<') this.giveUp(); // a YAML 1.1 merge key
    return String(resolvePlain(raw));
  }

  private flowValue(indent: number): unknown {
    const c = this.code();
    if (c === Code.OpenBracket || c === Code.OpenBrace) return this.flowCollection(indent);
    if (c === Code.DoubleQuote || c === Code.SingleQuote) {
      const scalar = this.quotedScalar(indent);
      this.index.scalar(scalar.valueStart, scalar.valueEnd, scalar.style);
      // `[ "a": 1 ]` is a one-pair mapping in a sequence: js-yaml's business.
      let at = this.pos;
      while (this.code(at) === Code.Space) at++;
      if (this.code(at) === Code.Colon) this.giveUp();
      return scalar.value;
    }
    const { raw, start, end } = this.flowPlain();
    this.index.scalar(start, end, SCALAR_STYLE.PLAIN);
    return resolvePlain(raw);
  }

  /** A plain scalar inside a flow collection: one line, up to `,` `]` `}` or `: `. */
  private flowPlain(): { raw: string; start: number; end: number } {
    const c = this.code();
    if (!this.canStartPlain(c)) this.giveUp();
    const start = this.pos;
    let end = start;
    for (; this.pos < this.length; this.pos++) {
      const d = this.text.charCodeAt(this.pos);
      if (d === Code.LF || d === Code.CR || d === Code.Comma || d === Code.CloseBracket || d === Code.CloseBrace || d === Code.OpenBracket || d === Code.OpenBrace) break;
      if (d === Code.Colon) {
        const e = this.code(this.pos + 1);
        if (e === -1 || e === Code.Space || e === Code.LF || e === Code.CR || e === Code.Comma || e === Code.CloseBracket || e === Code.CloseBrace) break;
      }
      if (d === Code.Hash && this.text.charCodeAt(this.pos - 1) === Code.Space) this.giveUp();
      if (d !== Code.Space) end = this.pos + 1;
    }
    if (end === start) this.giveUp();
    // Text that goes on after a line break would be folded into this scalar: js-yaml's business.
    if (this.isBreakOrEnd(this.pos)) {
      let at = this.pos;
      while (at < this.length && /[\s]/.test(this.text[at]!)) at++;
      const d = this.code(at);
      if (d !== Code.Comma && d !== Code.CloseBracket && d !== Code.CloseBrace && d !== Code.Colon) this.giveUp();
    }
    return { raw: this.text.slice(start, end), start, end };
  }

  /** Spaces, line breaks and comments inside a flow collection; new lines must be indented past `indent`. */
  private skipFlowSpace(indent: number): void {
    for (;;) {
      const c = this.code();
      if (c === Code.Space) this.pos++;
      else if (c === Code.Hash) {
        if (this.code(this.pos - 1) !== Code.Space && this.code(this.pos - 1) !== Code.LF) this.giveUp();
        this.nextLine();
        this.checkFlowLine(indent);
      } else if (c === Code.LF || c === Code.CR) {
        this.nextLine();
        this.checkFlowLine(indent);
      } else return;
    }
  }

  private checkFlowLine(indent: number): void {
    let at = this.pos;
    while (this.code(at) === Code.Space) at++;
    const d = this.code(at);
    if (d === -1) this.giveUp();
    if (d !== Code.LF && d !== Code.CR && d !== Code.Hash && at - this.pos <= indent) this.giveUp();
  }
}

/** A plain scalar's value under the core schema, as js-yaml resolves it. */
function resolvePlain(text: string): unknown {
  const code = text.length === 0 ? 0 : text.charCodeAt(0);
  if (code < 128 && MAY_RESOLVE[code] === 0) return text;
  const first = text.length === 0 ? '' : text[0]!;
  for (const tag of RESOLVERS) {
    const firsts = tag.implicitFirstChars;
    if (firsts && !firsts.includes(first)) continue;
    const value = tag.resolve(text, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return text;
}

/** Folded block scalar lines: single breaks between text lines become spaces; more-indented lines keep theirs. */
function fold(lines: readonly string[]): string {
  let out = '';
  let previous: 'none' | 'text' | 'indented' = 'none';
  let empties = 0;
  for (const line of lines) {
    if (line === '') {
      empties++;
      continue;
    }
    const indented = line.charCodeAt(0) === Code.Space;
    if (previous === 'none') out += '\n'.repeat(empties);
    else if (previous === 'text' && !indented) out += empties === 0 ? ' ' : '\n'.repeat(empties);
    else out += '\n'.repeat(empties + 1);
    out += line;
    previous = indented ? 'indented' : 'text';
    empties = 0;
  }
  return out;
}

/** One escape after a backslash at `at`: the text it stands for and how many characters it took. */
function unescape(text: string, at: number): [string, number] {
  const e = text[at];
  if (e === undefined) throw GIVE_UP;
  const simple = YAML_ESCAPES[e];
  if (simple !== undefined) return [simple, 1];
  const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
  if (width === 0) throw GIVE_UP;
  const hex = text.slice(at + 1, at + 1 + width);
  if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== width) throw GIVE_UP;
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) throw GIVE_UP;
  return [String.fromCodePoint(code), 1 + width];
}
