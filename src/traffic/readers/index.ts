import { RampartError } from '../../core/errors.js';
import type { Exchange } from '../exchange.js';
import { DEFAULT_MAX_BODY_BYTES } from '../body.js';
import { accessLogReader } from './access-log.js';
import { harReader } from './har.js';
import { jsonlReader } from './jsonl.js';
import type { TrafficReader } from './reader.js';
import { peekText } from './text-source.js';

/** Every traffic format, by id. */
export const trafficReaders = {
  har: harReader,
  jsonl: jsonlReader,
  'access-log': accessLogReader,
} satisfies Record<string, TrafficReader>;

export type TrafficFormat = keyof typeof trafficReaders;

export function isTrafficFormat(name: string): name is TrafficFormat {
  return Object.prototype.hasOwnProperty.call(trafficReaders, name);
}

const HAR_START = /^\{\s*"log"\s*:/;
/** Characters always peeked: enough for a pretty-printed HAR to show `"log"` and `"entries"`. */
const HEAD_CHARS = 4096;

/**
 * Guesses the format from the start of the text: a JSON object whose first key is `log` is HAR;
 * JSON lines with `method` + `url` are Rampart's format; other JSON lines are access logs. A JSON
 * line is judged whole, so the head must reach the end of the first line (`headDecides`).
 */
export function detectFormat(head: string): TrafficFormat | undefined {
  const text = head.slice(textStart(head));
  if (!text.startsWith('{') && !text.startsWith('#')) return undefined;
  if (HAR_START.test(text)) return 'har';
  const first = firstDataLine(text, 0);
  const firstLine = first && text.slice(first.start, first.end === -1 ? text.length : first.end).trim();
  if (!firstLine) return undefined;
  try {
    const value = JSON.parse(firstLine) as Record<string, unknown>;
    if (value && typeof value === 'object') {
      if ('log' in value) return 'har';
      if (typeof value.method === 'string' && typeof value.url === 'string') return 'jsonl';
      return 'access-log';
    }
  } catch {
    // A pretty-printed HAR whose first key is not `log` (rare): let the HAR reader try.
    if (/"log"\s*:/.test(text) && /"entries"\s*:/.test(text)) return 'har';
  }
  return undefined;
}

/** Has the head enough to decide: the always-peeked characters, and HAR's start or a whole first line? */
export function headDecides(head: string): boolean {
  if (head.length < HEAD_CHARS) return false;
  // Asked after every chunk of a head that may grow to megabytes: indexes, no copies of it.
  const start = textStart(head);
  return HAR_START.test(head.slice(start, start + 256)) || (firstDataLine(head, start)?.end ?? -1) !== -1;
}

/** Where the text starts after a byte-order mark and white space. */
function textStart(head: string): number {
  const start = head.search(/[^\s\uFEFF]/);
  return start === -1 ? head.length : start;
}

/** Bounds of the first line from `start` on that is not blank or a `#` comment (`end` -1: not seen yet). */
function firstDataLine(text: string, start: number): { start: number; end: number } | undefined {
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    let first = start;
    while (first < text.length && (text[first] === ' ' || text[first] === '\t' || text[first] === '\r')) first++;
    const blank = first === text.length || first === end;
    if (!blank && text[first] !== '#') return { start: first, end };
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}

/**
 * The most peeked for detection: a first JSON line holding both bodies at the body-size limit, with
 * room for JSON escaping or base64 (2× each), plus 1 MiB of URL and headers.
 */
export function maxHeadChars(maxBodyBytes: number): number {
  return 4 * maxBodyBytes + 1024 * 1024;
}

export interface ReadTrafficOptions {
  /** Force a format instead of detecting it per file. */
  format?: TrafficFormat;
  maxBodyBytes?: number;
  warn?: (message: string) => void;
  /** Shown in messages instead of the absolute path. */
  displayName?: (file: string) => string;
}

/** Reads several files one after the other as one stream of Exchanges. */
export async function* readTraffic(files: readonly string[], options: ReadTrafficOptions = {}): AsyncGenerator<Exchange> {
  const warn = options.warn ?? (() => undefined);
  for (const file of files) {
    const shown = options.displayName?.(file) ?? file;
    const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    let format = options.format;
    if (!format) {
      const maxChars = maxHeadChars(maxBodyBytes);
      let head: string;
      try {
        head = await peekText(file, headDecides, maxChars);
      } catch (error) {
        throw new RampartError('RAMPART_PARSE_FAILED', `cannot read traffic: ${(error as Error).message}`, { position: { file: shown }, cause: error });
      }
      format = detectFormat(head);
      if (!format) {
        const long = head.length >= maxChars ? `; its first line is longer than ${Math.round(maxChars / 1048576)} MiB` : '';
        throw new RampartError('RAMPART_PARSE_FAILED', `not a HAR file, Rampart JSON-lines traffic or a JSON access log${long} (use --input-format to force one)`, { position: { file: shown } });
      }
    }
    const reader = trafficReaders[format];
    try {
      yield* reader.read(file, { file: shown, maxBodyBytes, warn });
    } catch (error) {
      // Corrupt gzip data or a failing disk part-way through: the input's fault, told in one line.
      if (!isReadError(error)) throw error;
      throw new RampartError('RAMPART_PARSE_FAILED', `cannot read traffic: ${(error as Error).message}`, { position: { file: shown }, cause: error });
    }
  }
}

/** zlib's (`Z_DATA_ERROR`…) and the file system's (`EIO`, `EISDIR`…) errors, not a bug of ours. */
function isReadError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return !(error instanceof RampartError) && typeof code === 'string' && /^(Z_|E[A-Z]+$)/.test(code);
}

export type { TrafficReader, ReaderContext } from './reader.js';
