import { decodeBody } from '../body.js';
import { headerMap, mediaTypeOf, type Exchange, type ExchangeBody } from '../exchange.js';
import { JsonArrayStream, JsonStreamError } from '../json-array-stream.js';
import { epochMillis, type ReaderContext, type TrafficReader } from './reader.js';
import { readTextChunks } from './text-source.js';

interface HarHeader {
  name: string;
  value: string;
}

interface HarEntry {
  startedDateTime?: string;
  time?: number;
  request?: {
    method?: string;
    url?: string;
    headers?: HarHeader[];
    postData?: { mimeType?: string; text?: string; encoding?: string; params?: { name: string; value?: string }[] };
    bodySize?: number;
  };
  response?: {
    status?: number;
    headers?: HarHeader[];
    content?: { mimeType?: string; text?: string; encoding?: string; size?: number };
  };
  _clientCertificate?: unknown;
}

/**
 * HAR 1.2 (browser devtools, mitmproxy, Charles, Burp), streamed: only one entry is in memory at a time.
 * A truncated file yields every complete entry and a warning; an entry that is not valid JSON is skipped.
 */
export const harReader: TrafficReader = {
  id: 'har',
  description: 'HAR 1.2 files, streamed entry by entry (gzip allowed)',
  async *read(file, context) {
    const scanner = new JsonArrayStream({ path: ['log', 'entries'], maxElementLength: 256 * 1024 * 1024 });
    let index = 0;
    try {
      for await (const chunk of readTextChunks(file, (message) => context.warn(`${context.file}: ${message}`))) {
        for (const text of scanner.push(chunk)) {
          const position = index++;
          let entry: HarEntry;
          try {
            entry = JSON.parse(text) as HarEntry;
          } catch {
            context.warn(`${context.file}: entry ${position} is not valid JSON; skipped`);
            continue;
          }
          const exchange = harEntryToExchange(entry, `${context.file}#${position}`, context);
          if (exchange) yield exchange;
          else context.warn(`${context.file}: entry ${position} has no request method or URL; skipped`);
        }
      }
      scanner.end();
    } catch (error) {
      if (!(error instanceof JsonStreamError)) throw error;
      context.warn(`${context.file}: ${error.message} (at character ${error.offset})`);
    }
    if (scanner.oversized > 0) context.warn(`${context.file}: ${scanner.oversized} entries larger than 256 MB skipped`);
  },
};

export function harEntryToExchange(entry: HarEntry, origin: string, context: Pick<ReaderContext, 'maxBodyBytes'>): Exchange | undefined {
  const request = entry.request;
  if (!request || typeof request.method !== 'string' || typeof request.url !== 'string') return undefined;
  const requestHeaders = headerMap(request.headers);
  let requestBody: ExchangeBody | undefined;
  const post = request.postData;
  if (post) {
    const mediaType = mediaTypeOf(post.mimeType ?? requestHeaders['content-type']);
    let text = post.text;
    if ((text === undefined || text === '') && Array.isArray(post.params) && post.params.length > 0) {
      text = post.params.map((param) => `${encodeURIComponent(param.name)}=${encodeURIComponent(param.value ?? '')}`).join('&');
    }
    requestBody = decodeBody({ mediaType, text, encoding: post.encoding, size: request.bodySize }, context.maxBodyBytes);
  }
  const response = entry.response;
  let exchangeResponse: Exchange['response'];
  if (response && typeof response.status === 'number' && response.status > 0) {
    const headers = headerMap(response.headers);
    const content = response.content;
    const body = content
      ? decodeBody(
          {
            mediaType: mediaTypeOf(content.mimeType ?? headers['content-type']),
            text: content.text,
            encoding: content.encoding,
            // HAR text is already decoded unless it is base64 of the wire bytes.
            contentEncoding: content.encoding === 'base64' ? headers['content-encoding'] : undefined,
            size: content.size,
          },
          context.maxBodyBytes,
        )
      : undefined;
    exchangeResponse = { status: response.status, headers, body };
  }
  return {
    startedAt: epochMillis(entry.startedDateTime),
    durationMs: typeof entry.time === 'number' && entry.time >= 0 ? entry.time : undefined,
    request: { method: request.method.toUpperCase(), url: request.url, headers: requestHeaders, body: requestBody },
    response: exchangeResponse,
    clientCertificate: entry._clientCertificate ? true : undefined,
    origin,
  };
}
