import { decodeBody } from '../traffic/body.js';
import type { ExchangeBody } from '../traffic/exchange.js';

/** Keeps the first `limit` bytes of a stream, and whether there was more. */
export class Tee {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private total = 0;
  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.kept >= this.limit) return;
    const part = chunk.length <= this.limit - this.kept ? chunk : chunk.subarray(0, this.limit - this.kept);
    this.chunks.push(part);
    this.kept += part.length;
  }

  body(mediaType: string, contentEncoding: string | undefined, size = this.total): ExchangeBody | undefined {
    if (this.total === 0) return emptyBody(mediaType);
    if (this.kept < this.total) return { mediaType, size, opaque: true };
    const bytes = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.kept);
    // Compressed and binary bodies go through the same decoder the traffic readers use.
    if (contentEncoding) return decodeBody({ mediaType, text: bytes.toString('base64'), encoding: 'base64', contentEncoding, size });
    return { mediaType, text: bytes.toString('utf8'), size };
  }
}

/** What a message without body bytes records: its declared media type, if any. */
export function emptyBody(mediaType: string): ExchangeBody | undefined {
  return mediaType ? { mediaType, size: 0 } : undefined;
}
