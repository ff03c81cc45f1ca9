import path from 'node:path';
import { RampartError, type ErrorCode } from '../core/errors.js';
import { parsePointer } from '../spec/pointer.js';
import type { Source } from '../spec/source.js';

/** A parsed configuration file: where it is, its value, and positions for error messages. */
export class ConfigSource {
  constructor(
    /** Absolute path. */
    readonly file: string,
    readonly source: Source,
  ) {}

  /** Folder that relative paths in the file are resolved against. */
  get dir(): string {
    return path.dirname(this.file);
  }

  get displayPath(): string {
    return this.source.displayPath;
  }

  /**
   * An error about the value at `pointer`, located at its key (or at the item, in a list) and
   * prefixed with its dotted path: `rampart.yaml:4:3: rules.operation-tags: …`. `labelPointer`
   * names another path in the prefix (an unknown key is reported at itself, labelled by its parent).
   */
  error(pointer: string, message: string, code: ErrorCode = 'RAMPART_CONFIG_INVALID', labelPointer = pointer): RampartError {
    const range = this.source.range(pointer, { key: true });
    const where = dottedPath(this.source.value, labelPointer);
    return new RampartError(code, where ? `${where}: ${message}` : message, {
      position: { file: this.displayPath, line: range.line, column: range.column },
    });
  }
}

/** `/overrides/0/rules/x` → `overrides[0].rules.x`, using the value to tell list indexes from keys. */
export function dottedPath(root: unknown, pointer: string): string {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return pointer;
  }
  let text = '';
  let node: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      text += `[${segment}]`;
      node = node[Number(segment)];
    } else {
      text += text === '' ? segment : `.${segment}`;
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return text;
}
