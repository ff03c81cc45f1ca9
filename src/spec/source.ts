import { isUtf8 } from 'node:buffer';
import { constructFromEvents, CORE_SCHEMA, mergeTag, parseEvents, YAMLException } from 'js-yaml';
import { RampartError } from '../core/errors.js';
import { indexJson } from './json-index.js';
import { LineIndex } from './line-index.js';
import type { Located, NodeIndex, NodeRange } from './node-index.js';
import { parsePointer, pointerFromSegments, unescapeSegment } from './pointer.js';
import { parseCommonYaml } from './yaml-common.js';
import { indexYamlEvents } from './yaml-index.js';

export type SourceFormat = 'json' | 'yaml';

/** A problem found while parsing that does not stop the run (it becomes a Finding). */
export interface ParseIssue {
  code: 'duplicate-key';
  message: string;
  pointer: string;
  /** Where exactly, when the pointer alone is ambiguous (a repeated key). */
  offset?: number;
}

export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Safety bounds for hostile input. */
export const MAX_NESTING_DEPTH = 1000;
export const MAX_ALIASES = 10_000;
export const MAX_ALIAS_EXPANSION = 2_000_000;
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Keys copied by YAML merge keys (`<<`) in one file; js-yaml's default (10,000) is hit by real documents. */
export const MAX_MERGED_KEYS = 200_000;

/** YAML 1.2 core schema plus YAML 1.1 merge keys, used only for files where a `<<` key appears. */
const MERGE_SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/** One parsed file: its text, its value, and positions for any pointer on demand. */
export class Source {
  private lineIndex: LineIndex | undefined;
  private readonly located = new Map<string, Located>();

  constructor(
    /** Absolute path or URL. */
    readonly uri: string,
    /** What reports show: the path relative to the working directory. */
    readonly displayPath: string,
    readonly text: string,
    readonly value: unknown,
    readonly format: SourceFormat,
    private readonly nodes: NodeIndex,
    readonly issues: ParseIssue[],
    /** Whether one object can be reached by two paths (YAML aliases); a walk then needs a "seen" set. */
    readonly sharesNodes = false,
  ) {
    if (issues.some((issue) => issue.code === 'duplicate-key')) nodes.repeatsKeys = true;
  }

  /**
   * The range of the node at `pointer` (or of its key, with `key`). Falls back to the nearest
   * existing ancestor. `keyLine` places it on its key's line, as Spectral does: a value that begins
   * below its key (a block mapping or list) starts at the key, and the document itself, in a YAML
   * file without a `---` marker, at the first byte (leading comments included).
   */
  range(pointer: string, options: { key?: boolean; keyLine?: boolean } = {}): SourceRange {
    const found = this.locate(pointer);
    const range: NodeRange = found ? this.nodes.rangeOf(found) : { start: 0, end: 0 };
    const useKey = options.key && found?.complete && range.keyStart !== undefined;
    let start = useKey ? range.keyStart! : range.keyStart !== undefined && !found!.complete ? range.keyStart! : range.start;
    const end = useKey ? range.keyEnd! : range.end;
    const lines = (this.lineIndex ??= new LineIndex(this.text));
    if (options.keyLine && !useKey) {
      if (range.keyStart !== undefined && lines.position(range.keyStart).line < lines.position(start).line) start = range.keyStart;
      else if ((pointer === '' || pointer === '#') && this.format === 'yaml' && !/^---/m.test(this.text.slice(0, start))) start = 0;
    }
    const from = lines.position(start);
    const to = lines.position(Math.max(start, end));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  /**
   * The node at a pointer, remembered with every prefix on the way: the nodes findings point at
   * share long prefixes (/paths/~1users/get/responses/…), so each is found one step from its parent.
   */
  private locate(pointer: string): Located | undefined {
    if (pointer === '' || pointer === '#') return this.nodes.root();
    let found = this.located.get(pointer);
    if (found) return found;
    const cut = pointer.lastIndexOf('/');
    if (pointer.startsWith('#') || cut === -1) {
      // The URI fragment form (percent-encoded) or no pointer at all: walk from the root.
      let segments: string[];
      try {
        segments = parsePointer(pointer);
      } catch {
        segments = [];
      }
      found = this.nodes.root();
      for (const segment of segments) if (found) found = this.nodes.step(found, segment);
    } else {
      const parent = cut === 0 ? this.nodes.root() : this.locate(pointer.slice(0, cut));
      found = parent && this.nodes.step(parent, unescapeSegment(pointer.slice(cut + 1)));
    }
    if (found) this.located.set(pointer, found);
    return found;
  }

  /** Offset-based position, for errors that carry an offset. */
  positionOf(offset: number): { line: number; column: number } {
    return (this.lineIndex ??= new LineIndex(this.text)).position(offset);
  }
}

/** Decodes file bytes as UTF-8 text, refusing binary content with a clear error. */
export function decodeText(bytes: Uint8Array, displayPath: string): string {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new RampartError('RAMPART_INPUT_TOO_LARGE', `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`, { position: { file: displayPath } });
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    throw new RampartError('RAMPART_PARSE_FAILED', 'binary file: expected YAML or JSON text', { position: { file: displayPath } });
  }
  // isUtf8 and toString are Node's SIMD paths; a fatal TextDecoder took several times as long.
  if (!isUtf8(bytes)) {
    throw new RampartError('RAMPART_PARSE_FAILED', 'file is not valid UTF-8 text', { position: { file: displayPath } });
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function looksLikeJson(uri: string, text: string): boolean {
  if (/\.json$/i.test(uri)) return true;
  const first = text.match(/^\s*(\S)/)?.[1];
  return first === '{' || first === '[';
}

/** Parses one file's text. Throws RampartError (with file:line:col) when it is not YAML or JSON. */
export function parseSource(uri: string, displayPath: string, text: string): Source {
  if (text.trim() === '') {
    throw new RampartError('RAMPART_PARSE_FAILED', 'empty document', { position: { file: displayPath, line: 1, column: 1 } });
  }
  if (looksLikeJson(uri, text)) {
    const json = tryJson(text);
    if (json.ok) return jsonSource(uri, displayPath, text, json.value);
    // A .json file that is not JSON may still be YAML (JSON with comments, trailing commas are not).
    if (/\.json$/i.test(uri)) {
      const where = lineColumnOfOffset(text, json.offset);
      throw new RampartError('RAMPART_PARSE_FAILED', `invalid JSON: ${json.message}`, { position: { file: displayPath, ...where } });
    }
  }
  return yamlSource(uri, displayPath, text);
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false; message: string; offset: number } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.length;
    const clean = message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    return { ok: false, message: clean, offset };
  }
}

function lineColumnOfOffset(text: string, offset: number): { line: number; column: number } {
  return new LineIndex(text).position(Math.min(offset, text.length));
}

function jsonSource(uri: string, displayPath: string, text: string, value: unknown): Source {
  const { index, duplicates, depth } = indexJson(text, value);
  if (depth > MAX_NESTING_DEPTH) {
    throw new RampartError('RAMPART_INPUT_TOO_LARGE', `nesting deeper than ${MAX_NESTING_DEPTH} levels`, { position: { file: displayPath } });
  }
  const issues: ParseIssue[] = duplicates.map((duplicate) => ({
    code: 'duplicate-key',
    message: `Duplicate key "${duplicate.key}": the last value wins.`,
    pointer: pointerFromSegments([...duplicate.parent, duplicate.key]),
    offset: duplicate.keyStart,
  }));
  return new Source(uri, displayPath, text, value, 'json', index, issues);
}

function yamlSource(uri: string, displayPath: string, text: string): Source {
  // Most API descriptions stay inside the YAML that the one-pass parser reads; the rest (and every
  // error, with js-yaml's wording) goes through js-yaml's events.
  const common = parseCommonYaml(text, MAX_NESTING_DEPTH);
  if (common) return new Source(uri, displayPath, text, common.value, 'yaml', common.index, []);
  let events;
  try {
    events = parseEvents(text, { filename: displayPath, maxDepth: MAX_NESTING_DEPTH });
  } catch (error) {
    throw yamlError(error, displayPath);
  }
  const { index, aliases, documents, merges } = indexYamlEvents(text, events);
  if (documents > 1) {
    throw new RampartError('RAMPART_PARSE_FAILED', `expected one YAML document, found ${documents}`, { position: { file: displayPath } });
  }
  if (aliases > MAX_ALIASES) {
    throw new RampartError('RAMPART_INPUT_TOO_LARGE', `too many YAML aliases (${aliases} > ${MAX_ALIASES})`, { position: { file: displayPath } });
  }
  const issues: ParseIssue[] = [];
  const construct = { source: text, filename: displayPath, ...(merges ? { schema: MERGE_SCHEMA, maxTotalMergeKeys: MAX_MERGED_KEYS } : {}) };
  let value: unknown;
  try {
    value = constructFromEvents(events, construct)[0];
  } catch (error) {
    if (!(error instanceof YAMLException) || !/duplicated mapping key/.test(error.reason)) throw yamlError(error, displayPath);
    // Rare: keep the last value, as JSON.parse does, and report every duplicate as a finding.
    try {
      value = constructFromEvents(events, { ...construct, json: true })[0];
    } catch (retryError) {
      throw yamlError(retryError, displayPath);
    }
    for (const duplicate of index.duplicateKeys()) {
      // No line in the words: they are part of the finding's fingerprint, which must survive inserted lines.
      const key = duplicate.segments[duplicate.segments.length - 1];
      issues.push({ code: 'duplicate-key', message: `Duplicate key "${key}": the last value wins.`, pointer: pointerFromSegments(duplicate.segments), offset: duplicate.keyStart });
    }
  }
  if (aliases > 0) assertAliasExpansionBounded(value, displayPath);
  return new Source(uri, displayPath, text, value, 'yaml', index, issues, aliases > 0);
}

function yamlError(error: unknown, displayPath: string): RampartError {
  if (error instanceof YAMLException) {
    const mark = error.mark;
    // js-yaml's maxDepth is our nesting bound: the same code and words as for JSON.
    const tooDeep = /\bmaxDepth\b/.test(error.reason);
    if (/maxTotalMergeKeys/.test(error.reason)) {
      return new RampartError('RAMPART_INPUT_TOO_LARGE', `YAML merge keys (<<) copy more than ${MAX_MERGED_KEYS} keys (merge bomb)`, {
        cause: error,
        position: { file: displayPath, line: mark ? mark.line + 1 : undefined, column: mark ? mark.column + 1 : undefined },
      });
    }
    if (/cannot merge mappings/.test(error.reason)) {
      return new RampartError('RAMPART_PARSE_FAILED', 'invalid YAML: a merge key (<<) takes a mapping or a list of mappings', {
        cause: error,
        position: { file: displayPath, line: mark ? mark.line + 1 : undefined, column: mark ? mark.column + 1 : undefined },
      });
    }
    return new RampartError(tooDeep ? 'RAMPART_INPUT_TOO_LARGE' : 'RAMPART_PARSE_FAILED', tooDeep ? `nesting deeper than ${MAX_NESTING_DEPTH} levels` : `invalid YAML: ${error.reason}`, {
      cause: error,
      position: { file: displayPath, line: mark ? mark.line + 1 : undefined, column: mark ? mark.column + 1 : undefined },
    });
  }
  if (error instanceof RangeError) {
    return new RampartError('RAMPART_INPUT_TOO_LARGE', 'document is nested too deeply', { cause: error, position: { file: displayPath } });
  }
  return new RampartError('RAMPART_PARSE_FAILED', `cannot parse: ${(error as Error).message}`, { cause: error, position: { file: displayPath } });
}

/**
 * js-yaml shares aliased nodes instead of copying them, so a "billion laughs" document is small in
 * memory but explodes for anything that walks it. Count the expanded size with memoisation and refuse it.
 */
function assertAliasExpansionBounded(value: unknown, displayPath: string): void {
  const sizes = new Map<object, number>();
  const onStack = new Set<object>();
  const sizeOf = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (onStack.has(node)) {
      throw new RampartError('RAMPART_INPUT_TOO_LARGE', 'recursive YAML alias: the document contains itself', { position: { file: displayPath } });
    }
    onStack.add(node);
    let total = 1;
    for (const child of Object.values(node)) {
      total += sizeOf(child);
      if (total > MAX_ALIAS_EXPANSION) break;
    }
    onStack.delete(node);
    sizes.set(node, total);
    return total;
  };
  if (sizeOf(value) > MAX_ALIAS_EXPANSION) {
    throw new RampartError('RAMPART_INPUT_TOO_LARGE', `YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes (alias bomb)`, {
      position: { file: displayPath },
    });
  }
}
