import type { Exchange } from '../exchange.js';

export interface ReaderContext {
  /** The file being read, as shown in messages. */
  file: string;
  /** Bodies larger than this are not decoded. */
  maxBodyBytes: number;
  /** A recoverable problem (a bad line, a truncated file): reported, reading goes on. */
  warn: (message: string) => void;
}

/** A traffic reader: one file in, Exchanges out, streamed. One reader per file in this folder. */
export interface TrafficReader {
  id: string;
  description: string;
  read: (file: string, context: ReaderContext) => AsyncIterable<Exchange>;
}

export function epochMillis(value: unknown): number {
  if (typeof value === 'number') {
    // seconds (nginx msec, Unix time) vs milliseconds
    return value < 1e11 ? value * 1000 : value;
  }
  if (typeof value === 'string') {
    if (/^\d+(\.\d+)?$/.test(value)) return epochMillis(Number(value));
    const parsed = Date.parse(value);
    if (!Number.isNaN(parsed)) return parsed;
    // nginx $time_local: 10/Oct/2000:13:55:36 -0700
    const local = /^(\d{2})\/(\w{3})\/(\d{4}):(\d{2}:\d{2}:\d{2}) ([+-]\d{4})$/.exec(value);
    if (local) return Date.parse(`${local[2]} ${local[1]} ${local[3]} ${local[4]} GMT${local[5]}`);
  }
  return Number.NaN;
}
