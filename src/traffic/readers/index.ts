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

/**
 * Guesses the format from the first characters: a JSON object whose first key is `log` is HAR;
 * JSON lines with `method` + `url` are Rampart's format; other JSON lines are access logs.
 */
export function detectFormat(head: string): TrafficFormat | undefined {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('{') && !text.startsWith('#')) return undefined;
  if (/^\{\s*"log"\s*:/.test(text)) return 'har';
  const firstLine = text.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('#'));
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
    let format = options.format;
    if (!format) {
      let head: string;
      try {
        head = await peekText(file);
      } catch (error) {
        throw new RampartError('RAMPART_PARSE_FAILED', `cannot read traffic: ${(error as Error).message}`, { position: { file: shown }, cause: error });
      }
      format = detectFormat(head);
      if (!format) {
        throw new RampartError('RAMPART_PARSE_FAILED', 'not a HAR file, Rampart JSON-lines traffic or a JSON access log (use --input-format to force one)', { position: { file: shown } });
      }
    }
    const reader = trafficReaders[format];
    try {
      yield* reader.read(file, { file: shown, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, warn });
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
