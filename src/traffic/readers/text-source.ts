import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';

const CHUNK = 1024 * 1024;

/** True when the file starts with the gzip magic bytes, whatever its name. */
export function isGzipFile(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const read = readSync(fd, head, 0, 2, 0);
    return read === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's text in chunks, gunzipped when needed, decoded as UTF-8 across chunk borders. Gzip
 * data that ends early (a copy cut short, a log still being written) gives the text up to the cut
 * and a call to `warn`, as an uncompressed file cut short gives its text: the readers then keep
 * the complete entries and report the incomplete last one.
 */
export async function* readTextChunks(file: string, warn?: (message: string) => void): AsyncGenerator<string> {
  const raw = createReadStream(file, { highWaterMark: CHUNK });
  const stream = isGzipFile(file) ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw;
  raw.on('error', (error) => stream.destroy(error));
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = decoder.write(chunk);
      if (text) yield text;
    }
  } catch (error) {
    // zlib has handed over everything it could decode before it reports the missing end.
    if ((error as { code?: string }).code !== 'Z_BUF_ERROR') throw error;
    warn?.('the gzip data ends early (truncated); read up to the cut');
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

/** The file's lines (LF or CRLF), streamed; `warn` as for `readTextChunks`. */
export async function* readLines(file: string, warn?: (message: string) => void): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of readTextChunks(file, warn)) {
    let start = 0;
    let nl = chunk.indexOf('\n');
    if (nl === -1) {
      rest += chunk;
      continue;
    }
    let first = true;
    while (nl !== -1) {
      let line = first ? rest + chunk.slice(start, nl) : chunk.slice(start, nl);
      first = false;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      yield line;
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    rest = chunk.slice(start);
  }
  if (rest.length > 0) yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

/**
 * The start of the (decompressed) text, for format detection: chunks are read until `enough` says
 * the head decides the format, the text ends, or `maxChars` are read (the head is cut there).
 */
export async function peekText(file: string, enough: (head: string) => boolean, maxChars: number): Promise<string> {
  let head = '';
  for await (const chunk of readTextChunks(file)) {
    head += chunk;
    if (head.length >= maxChars || enough(head)) break;
  }
  return head.length > maxChars ? head.slice(0, maxChars) : head;
}
