import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { isTextualMediaType, type ExchangeBody } from './exchange.js';

/** Bodies larger than this are counted but not read: one huge body must not stall a run. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface RawBody {
  mediaType: string;
  text?: string;
  /** `base64` when `text` is base64-encoded (HAR `content.encoding`, Rampart `bodyEncoding`). */
  encoding?: string;
  /** `Content-Encoding` of the message (gzip, deflate, br). */
  contentEncoding?: string;
  size?: number;
}

/**
 * Turns a recorded body into text when that is safe and useful: base64 is decoded, compressed
 * payloads are inflated with an output bound, binary content is marked opaque rather than read.
 */
export function decodeBody(raw: RawBody, maxBytes = DEFAULT_MAX_BODY_BYTES): ExchangeBody | undefined {
  const { mediaType } = raw;
  if (raw.text === undefined || raw.text === '') {
    if (raw.size && raw.size > 0) return { mediaType, size: raw.size, opaque: true };
    return mediaType ? { mediaType, size: raw.size ?? 0 } : undefined;
  }
  if (raw.text.length > maxBytes * (raw.encoding === 'base64' ? 4 / 3 : 1) + 16) {
    return { mediaType, size: raw.size ?? raw.text.length, opaque: true };
  }
  const textual = isTextualMediaType(mediaType) || mediaType === '';
  const encoding = (raw.contentEncoding ?? '').toLowerCase().trim();
  if (raw.encoding === 'base64') {
    let bytes: Buffer = Buffer.from(raw.text, 'base64');
    if (encoding === 'gzip' || encoding === 'deflate' || encoding === 'br') {
      // Some recorders keep the wire bytes, others the decoded ones under the same header.
      const inflated = inflate(bytes, encoding, maxBytes);
      if (inflated) bytes = inflated;
      else if (encoding === 'gzip' && bytes[0] === 0x1f && bytes[1] === 0x8b) return { mediaType, size: raw.size ?? bytes.length, opaque: true };
    }
    if (!textual || looksBinary(bytes)) return { mediaType, size: raw.size ?? bytes.length, opaque: true };
    return { mediaType, text: bytes.toString('utf8'), size: raw.size ?? bytes.length };
  }
  if (!textual && hasControlCharacters(raw.text)) return { mediaType, size: raw.size ?? raw.text.length, opaque: true };
  if (hasControlCharacters(raw.text)) return { mediaType, size: raw.size ?? raw.text.length, opaque: true };
  return { mediaType, text: raw.text, size: raw.size ?? raw.text.length };
}

function inflate(bytes: Buffer, encoding: string, maxBytes: number): Buffer | undefined {
  try {
    if (encoding === 'gzip') return gunzipSync(bytes, { maxOutputLength: maxBytes });
    if (encoding === 'deflate') return inflateSync(bytes, { maxOutputLength: maxBytes });
    return brotliDecompressSync(bytes, { maxOutputLength: maxBytes });
  } catch {
    return undefined;
  }
}

/** NUL or many C0 controls in the first KB: not text. */
function looksBinary(bytes: Buffer): boolean {
  const end = Math.min(bytes.length, 1024);
  let controls = 0;
  for (let k = 0; k < end; k++) {
    const b = bytes[k]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  return controls > end / 10;
}

function hasControlCharacters(text: string): boolean {
  const end = Math.min(text.length, 1024);
  let controls = 0;
  for (let k = 0; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0 || c === 0xfffd) controls += 4;
    else if (c < 9 || (c > 13 && c < 32)) controls++;
  }
  return controls > Math.max(4, end / 10);
}
