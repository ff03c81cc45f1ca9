import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { RampartError } from '../../core/errors.js';
import type { Exchange } from '../exchange.js';
import { detectFormat, readTraffic, type TrafficFormat } from '../readers/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rampart-readers-'));
let counter = 0;
function file(content: string | Buffer, extension = 'har'): string {
  const name = path.join(dir, `f${counter++}.${extension}`);
  writeFileSync(name, content);
  return name;
}

async function read(files: string[], format?: TrafficFormat, maxBodyBytes?: number): Promise<{ exchanges: Exchange[]; warnings: string[] }> {
  const warnings: string[] = [];
  const exchanges: Exchange[] = [];
  for await (const exchange of readTraffic(files, { format, maxBodyBytes, warn: (message) => warnings.push(message) })) exchanges.push(exchange);
  return { exchanges, warnings };
}

const entry = (url: string, response: Record<string, unknown> = {}, request: Record<string, unknown> = {}) => ({
  startedDateTime: '2026-01-02T03:04:05.000Z',
  time: 12.5,
  request: { method: 'get', url, headers: [{ name: 'Authorization', value: 'Bearer x' }, { name: ':authority', value: 'h' }], ...request },
  response: { status: 200, headers: [{ name: 'Content-Type', value: 'application/json' }], content: { mimeType: 'application/json', text: '{"a":1}' }, ...response },
});
const har = (...entries: unknown[]) => JSON.stringify({ log: { version: '1.2', creator: { name: 't' }, entries } }, null, 1);

describe('traffic readers', () => {
  it('detects formats from the first characters', () => {
    assert.equal(detectFormat('{"log":{"entries":[]}}'), 'har');
    assert.equal(detectFormat('{\n  "log": {'), 'har');
    assert.equal(detectFormat('{"method":"GET","url":"http://a/b"}\n'), 'jsonl');
    assert.equal(detectFormat('{"request_method":"GET","request_uri":"/a","status":200}\n'), 'access-log');
    assert.equal(detectFormat('GET /a HTTP/1.1'), undefined);
  });

  // Detection peeks until the first line is whole: a JSON line longer than the first 4 KB (a body
  // of a few KB) was judged by a cut-off prefix and refused. [name, file text, URLs read]
  const line = (k: number, bodyChars: number) => JSON.stringify({ time: '2026-01-02T03:04:05Z', method: 'GET', url: `https://h/files/${k}`, status: 200, response: { body: 'x'.repeat(bodyChars) } });
  const longLineCases: [string, string, string[]][] = [
    ['a first line of 4 KB (the user trial)', line(1, 4000) + '\n', ['https://h/files/1']],
    ['a first line of 2 MB, then a short one', `${line(1, 2 * 1024 * 1024)}\n${line(2, 10)}\n`, ['https://h/files/1', 'https://h/files/2']],
    ['comments and blank lines, then a long line', `# recorded by a gateway\n\n  \n${line(1, 9000)}\n`, ['https://h/files/1']],
    ['a long first line without a final newline', line(1, 6000), ['https://h/files/1']],
    ['CRLF line ends', `${line(1, 5000)}\r\n${line(2, 5000)}\r\n`, ['https://h/files/1', 'https://h/files/2']],
  ];
  for (const [name, text, urls] of longLineCases) {
    for (const gzip of [false, true]) {
      it(`detects JSON lines with ${name}${gzip ? ', gzipped' : ''}`, async () => {
        const { exchanges, warnings } = await read([file(gzip ? gzipSync(text) : text, gzip ? 'jsonl.gz' : 'jsonl')]);
        assert.deepEqual(warnings, []);
        assert.deepEqual(exchanges.map((exchange) => exchange.request.url), urls);
      });
    }
  }

  it('a first line beyond the detection bound (from --max-body-bytes): a one-line error that says so', async () => {
    // maxBodyBytes 1: the bound is 1 MiB and 4 characters.
    const long = file(line(1, 1024 * 1024 + 100) + '\n', 'jsonl');
    await assert.rejects(read([long], undefined, 1), /not a HAR file.*its first line is longer than 1 MiB \(use --input-format/);
    const { exchanges } = await read([long], 'jsonl', 1);
    assert.equal(exchanges.length, 1, 'forcing the format reads it');
  });

  it('HAR: exchange model, lower-cased headers, pseudo headers dropped, method upper-cased', async () => {
    const { exchanges, warnings } = await read([file(har(entry('https://api.example.com/users/1?x=2')))]);
    assert.deepEqual(warnings, []);
    assert.equal(exchanges.length, 1);
    const [exchange] = exchanges;
    assert.equal(exchange!.request.method, 'GET');
    assert.deepEqual(exchange!.request.headers, { authorization: 'Bearer x' });
    assert.equal(exchange!.startedAt, Date.parse('2026-01-02T03:04:05.000Z'));
    assert.equal(exchange!.durationMs, 12.5);
    assert.deepEqual(exchange!.response?.body, { mediaType: 'application/json', text: '{"a":1}', size: 7 });
  });

  it('HAR: gzip file, detected by magic bytes whatever the name', async () => {
    const { exchanges } = await read([file(gzipSync(har(entry('https://a/x'), entry('https://a/y'))), 'bin')]);
    assert.deepEqual(exchanges.map((exchange) => exchange.request.url), ['https://a/x', 'https://a/y']);
  });

  it('HAR: truncated file keeps complete entries and warns', async () => {
    const text = har(entry('https://a/1'), entry('https://a/2'), entry('https://a/3'));
    const { exchanges, warnings } = await read([file(text.slice(0, text.lastIndexOf('https://a/3')))]);
    assert.equal(exchanges.length, 2);
    assert.match(warnings[0]!, /truncated\) after 2 complete elements/);
  });

  it('HAR: entries without a request are skipped with a warning', async () => {
    const { exchanges, warnings } = await read([file(har({ nope: 1 }, entry('https://a/ok')))]);
    assert.equal(exchanges.length, 1);
    assert.match(warnings[0]!, /entry 0 has no request method or URL/);
  });

  it('HAR: binary, base64, compressed and oversized bodies', async () => {
    const json = '{"k":"v"}';
    const entries = [
      entry('https://a/png', { content: { mimeType: 'image/png', encoding: 'base64', text: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]).toString('base64'), size: 7 } }),
      entry('https://a/b64', { content: { mimeType: 'application/json', encoding: 'base64', text: Buffer.from(json).toString('base64') } }),
      entry('https://a/gz', {
        headers: [{ name: 'Content-Encoding', value: 'gzip' }],
        content: { mimeType: 'application/json', encoding: 'base64', text: gzipSync(json).toString('base64') },
      }),
      entry('https://a/bomb', {
        headers: [{ name: 'Content-Encoding', value: 'gzip' }],
        content: { mimeType: 'application/json', encoding: 'base64', text: gzipSync(Buffer.alloc(8 * 1024 * 1024, 32)).toString('base64') },
      }),
      entry('https://a/huge', { content: { mimeType: 'application/json', text: `"${'x'.repeat(300_000)}"` } }),
      entry('https://a/bad-json', { content: { mimeType: 'application/json', text: '{"unterminated' } }),
    ];
    const { exchanges } = await read([file(har(...entries))], undefined, 100_000);
    const bodies = Object.fromEntries(exchanges.map((exchange) => [new URL(exchange.request.url).pathname, exchange.response?.body]));
    assert.equal(bodies['/png']?.opaque, true);
    assert.equal(bodies['/b64']?.text, json);
    assert.equal(bodies['/gz']?.text, json);
    assert.equal(bodies['/bomb']?.opaque, true, 'decompression is bounded by maxBodyBytes');
    assert.equal(bodies['/huge']?.opaque, true);
    assert.equal(bodies['/bad-json']?.text, '{"unterminated', 'invalid JSON is kept as text; parsing happens later');
  });

  it('Rampart JSON lines: bodies, base64, header lists, comments, bad lines', async () => {
    const lines = [
      '# recorded by a gateway',
      JSON.stringify({ time: 1767322800, method: 'post', url: 'https://a/users', status: 201, durationMs: 3, client: 'svc', request: { headers: { 'Content-Type': 'application/json' }, body: '{"n":1}' }, response: { headers: [{ name: 'content-type', value: 'application/json' }], body: Buffer.from('{"id":1}').toString('base64'), bodyEncoding: 'base64' } }),
      'not json',
      JSON.stringify({ method: 'GET' }),
      '',
    ].join('\n');
    const { exchanges, warnings } = await read([file(lines, 'jsonl')]);
    assert.equal(exchanges.length, 1);
    const [exchange] = exchanges;
    assert.equal(exchange!.startedAt, 1767322800 * 1000);
    assert.equal(exchange!.client, 'svc');
    assert.equal(exchange!.request.body?.text, '{"n":1}');
    assert.equal(exchange!.response?.body?.text, '{"id":1}');
    assert.deepEqual(warnings.map((warning) => warning.replace(/^.*?:(\d+):/, '$1:')), ['3: not valid JSON; line skipped', '4: needs "method" and "url"; line skipped']);
  });

  it('nginx and Envoy JSON access logs', async () => {
    const nginx = JSON.stringify({ time_iso8601: '2026-01-02T03:04:05+00:00', request_method: 'GET', request_uri: '/api/items/7?x=1', status: '200', request_time: '0.012', http_host: 'shop.example', http_authorization: 'Bearer abc', remote_user: '-' });
    const envoy = JSON.stringify({ start_time: '2026-01-02T03:04:06.000Z', method: 'POST', path: '/pkg.Svc/Do', response_code: 0, duration: 4, authority: 'grpc.example', protocol: 'HTTP/2', grpc_status: '0' });
    const combined = JSON.stringify({ request: 'DELETE /a/b HTTP/1.1', status: 204, host: 'h' });
    const { exchanges } = await read([file([nginx, envoy, combined].join('\n'), 'log')]);
    assert.deepEqual(
      exchanges.map((exchange) => [exchange.request.method, exchange.request.url, exchange.response?.status, exchange.durationMs]),
      [
        ['GET', 'https://shop.example/api/items/7?x=1', 200, 12],
        ['POST', 'https://grpc.example/pkg.Svc/Do', undefined, 4],
        ['DELETE', 'https://h/a/b', 204, undefined],
      ],
    );
    assert.equal(exchanges[0]!.request.headers.authorization, 'Bearer abc');
  });

  // Gzip cut short (a copy interrupted, a log being written): the complete entries and a warning,
  // whether the format is detected (the cut may come before or after the peeked head) or forced.
  // Random bodies keep the compressed size close to the text's, so a cut lands where it is aimed.
  const blob = () => randomBytes(600).toString('base64');
  const gzipCases: [string, string, string, TrafficFormat | undefined, RegExp][] = [
    ['HAR', har(...Array.from({ length: 40 }, (_, k) => entry(`https://h/a/${k}`, { content: { mimeType: 'text/plain', text: blob() } }))), 'har', undefined, /JSON text ends early \(truncated\) after \d+ complete elements/],
    ['HAR, forced', har(...Array.from({ length: 40 }, (_, k) => entry(`https://h/a/${k}`, { content: { mimeType: 'text/plain', text: blob() } }))), 'har', 'har', /JSON text ends early/],
    ['JSON lines', Array.from({ length: 40 }, (_, k) => JSON.stringify({ method: 'GET', url: `https://h/a/${k}`, status: 200, response: { body: blob() } })).join('\n'), 'jsonl', undefined, /:\d+: not valid JSON; line skipped/],
    ['access log', Array.from({ length: 40 }, (_, k) => JSON.stringify({ request_method: 'GET', request_uri: `/a/${k}`, status: 200, http_user_agent: blob() })).join('\n'), 'log', undefined, /:\d+: not valid JSON; line skipped/],
  ];
  for (const [name, text, extension, format, incomplete] of gzipCases) {
    for (const cut of [0.05, 0.6]) {
      it(`${name}: gzip cut at ${cut * 100}%: complete entries and a warning, no crash`, async () => {
        const zipped = gzipSync(text);
        const { exchanges, warnings } = await read([file(zipped.subarray(0, Math.floor(zipped.length * cut)), `${extension}.gz`)], format);
        assert.ok(exchanges.length >= 1 && exchanges.length < 40, `read ${exchanges.length} of 40`);
        assert.deepEqual(exchanges.map((exchange) => new URL(exchange.request.url).pathname), Array.from({ length: exchanges.length }, (_, k) => `/a/${k}`));
        assert.match(warnings[0]!, /\.gz: the gzip data ends early \(truncated\)/);
        assert.match(warnings[1]!, incomplete);
      });
    }
  }

  it('corrupt gzip data part-way through: a one-line input error naming the file, not a crash', async () => {
    const zipped = Buffer.from(gzipSync(har(...Array.from({ length: 40 }, (_, k) => entry(`https://h/a/${k}`, { content: { mimeType: 'text/plain', text: blob() } })))));
    zipped.fill(0xff, Math.floor(zipped.length * 0.6), Math.floor(zipped.length * 0.6) + 64);
    const corrupt = file(zipped, 'har.gz');
    for (const format of [undefined, 'har' as const]) {
      await assert.rejects(read([corrupt], format), (error: unknown) => {
        assert.ok(error instanceof RampartError, String(error));
        assert.equal(error.code, 'RAMPART_PARSE_FAILED');
        assert.equal(error.position?.file, corrupt);
        assert.match(error.message, /^cannot read traffic: /);
        return true;
      });
    }
  });

  it('several files in one stream, in order', async () => {
    const a = file(har(entry('https://a/1')));
    const b = file(JSON.stringify({ method: 'GET', url: 'https://a/2', status: 200 }) + '\n', 'jsonl');
    const { exchanges } = await read([a, b]);
    assert.deepEqual(exchanges.map((exchange) => exchange.request.url), ['https://a/1', 'https://a/2']);
  });
});
