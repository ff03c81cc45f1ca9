/**
 * Forwarding correctness and hostile traffic, on 127.0.0.1 only: an echo upstream started here,
 * the proxy in front of it. Every request must end in exactly one accounted outcome; the proxy
 * must never connect anywhere but its upstream.
 */
import assert from 'node:assert/strict';
import { createServer, request, Agent, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startProxy, type RunningProxy } from '../../../src/monitor/proxy.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  bytes: number;
}

let upstream: Server;
let upstreamUrl: string;
let proxy: RunningProxy;
const seen: Seen[] = [];
let releaseSlow: (() => void) | undefined;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

before(async () => {
  upstream = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, bytes });
      if (req.url === '/hang') return; // never answers: the proxy must time out
      if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return res.end(Buffer.alloc(8 * 1024 * 1024, 3));
      }
      if (req.url === '/malformed-response') {
        // Bytes no HTTP parser accepts as a header line: the proxy must answer 502, not relay them.
        req.socket.end('HTTP/1.1 200 OK\r\nX-Bad: a\u0000b\r\nContent-Length: 2\r\n\r\nok');
        return;
      }
      if (req.url === '/until-close') {
        // No length, no chunking: the body ends when the upstream closes the connection.
        req.socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nall of it');
        return;
      }
      if (req.url === '/early-hints') {
        res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('final');
      }
      if (req.url === '/cookies') {
        res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
        res.setHeader('x-multi', ['one', 'two']);
        res.setHeader('content-type', 'text/plain');
        return res.end('ok');
      }
      if (req.url === '/reset') return req.socket.destroy();
      if (req.url === '/reset-mid-body') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('partial');
        setTimeout(() => req.socket.destroy(), 20);
        return;
      }
      if (req.url === '/stream') {
        // The first chunk must reach the client before the upstream finishes.
        res.writeHead(200, { 'content-type': 'text/plain', 'keep-alive': 'timeout=5', connection: 'keep-alive, x-private-hop', 'x-private-hop': 'secret' });
        res.write('first;');
        releaseSlow = () => res.end('last');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, url: req.url, bytes }));
    });
  });
  upstreamUrl = await listen(upstream);
  proxy = await startProxy({ upstream: upstreamUrl, listen: '127.0.0.1:0', admin: '127.0.0.1:0', upstreamTimeoutMs: 300, headersTimeoutMs: 500, requestTimeoutMs: 2000, maxBodyBytes: 1024 * 1024, defaultMode: 'monitor' });
});

after(async () => {
  await proxy.close(1000);
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; agent?: Agent } = {}): Promise<{ status: number; headers: IncomingMessage['headers']; body: string; socketPort?: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, proxy.url);
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: options.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), socketPort: req.socket?.localPort }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Sends raw bytes and returns what came back until the server closed (or 2 s). */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const port = Number(new URL(proxy.url).port);
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('close', () => resolve(text));
    socket.on('error', () => resolve(text));
    setTimeout(() => socket.destroy(), 2000).unref();
  });
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${proxy.adminUrl}/metrics`)).text();
  return text.split('\n').filter((line) => line.startsWith(name)).reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

describe('forwarding', () => {
  it('keeps client connections alive and reuses them', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const first = await send('/a', { agent });
    const second = await send('/b', { agent });
    agent.destroy();
    assert.equal(first.status, 200);
    assert.equal(first.socketPort, second.socketPort, 'same client socket');
  });

  it('streams bodies both ways: a 600 KB upload passes whole, the response arrives before the upstream ends', async () => {
    const upload = await send('/upload', { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(600 * 1024, 7) });
    assert.equal(JSON.parse(upload.body).bytes, 600 * 1024);
    const firstChunk = await new Promise<string>((resolve, reject) => {
      const req = request(new URL('/stream', proxy.url), (res) => {
        res.once('data', (chunk: Buffer) => {
          resolve(chunk.toString());
          releaseSlow?.();
          res.resume();
        });
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(firstChunk, 'first;');
  });

  it('relays an upload whose client expects 100-continue (curl does above 1 KB); the expectation stays at this hop', async () => {
    seen.length = 0;
    const upload = await send('/upload', { method: 'POST', headers: { 'content-type': 'application/octet-stream', expect: '100-continue' }, body: Buffer.alloc(5000, 1) });
    assert.equal(upload.status, 200);
    assert.equal(JSON.parse(upload.body).bytes, 5000);
    assert.equal(seen[0]!.headers.expect, undefined);
  });

  it('holds the upstream back while a slow client reads a large response (back-pressure), and every byte arrives', { timeout: 20_000 }, async () => {
    const bytes = await new Promise<number>((resolve, reject) => {
      const req = request(new URL('/big', proxy.url), (res) => {
        res.pause();
        // Long enough for the proxy's socket buffer to fill and its writes to report back-pressure.
        setTimeout(() => {
          let total = 0;
          res.on('data', (chunk: Buffer) => (total += chunk.length));
          res.on('end', () => resolve(total));
          res.resume();
        }, 300);
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(bytes, 8 * 1024 * 1024);
  });

  it('relays a body that ends when the upstream closes; answers 502 to a response no parser accepts', async () => {
    const untilClose = await send('/until-close');
    assert.equal(untilClose.status, 200);
    assert.equal(untilClose.body, 'all of it');
    const malformed = await send('/malformed-response');
    assert.equal(malformed.status, 502);
    assert.equal(malformed.headers['content-type'], 'application/problem+json');
  });

  it('answers with the final response when the upstream sends 103 Early Hints first', async () => {
    const response = await send('/early-hints');
    assert.equal(response.status, 200);
    assert.equal(response.body, 'final');
  });

  it('relays repeated response headers as the upstream sent them: set-cookie apart, others joined', async () => {
    const response = await send('/cookies');
    assert.equal(response.status, 200);
    assert.deepEqual(response.headers['set-cookie'], ['a=1; Path=/', 'b=2; Path=/']);
    assert.equal(response.headers['x-multi'], 'one, two');
  });

  it('removes hop-by-hop headers both ways and sets Forwarded / X-Forwarded-*; the upstream Host is its own', async () => {
    seen.length = 0;
    const response = await send('/headers', { headers: { connection: 'keep-alive, x-drop-me', 'x-drop-me': '1', 'keep-alive': 'timeout=1', 'proxy-authorization': 'Basic eA==', 'x-forwarded-for': '6.6.6.6', te: 'trailers', host: 'api.example.test' } });
    assert.equal(response.status, 200);
    const headers = seen[0]!.headers;
    assert.equal(headers['x-drop-me'], undefined);
    assert.equal(headers['proxy-authorization'], undefined);
    assert.equal(headers['keep-alive'], undefined);
    assert.equal(headers['x-forwarded-for'], '127.0.0.1', 'a forged X-Forwarded-For from an untrusted client is replaced');
    assert.equal(headers['x-forwarded-proto'], 'http');
    assert.equal(headers['x-forwarded-host'], 'api.example.test');
    assert.equal(headers.forwarded, 'for=127.0.0.1;proto=http;host="api.example.test"');
    assert.equal(headers.host, new URL(upstreamUrl).host);
    assert.equal(headers.te, 'trailers');
    const streamed = await new Promise<IncomingMessage['headers']>((resolve) => {
      const req = request(new URL('/stream', proxy.url), (res) => {
        resolve(res.headers);
        releaseSlow?.();
        res.resume();
      });
      req.end();
    });
    assert.equal(streamed['x-private-hop'], undefined, 'Connection-listed response headers are dropped');
  });

  it('is never an open proxy: absolute-form targets and Host headers reach only the upstream; CONNECT is refused', async () => {
    seen.length = 0;
    const answer = await raw('GET http://169.254.169.254/latest/meta-data?x=1 HTTP/1.1\r\nHost: 169.254.169.254\r\nConnection: close\r\n\r\n');
    assert.match(answer, /^HTTP\/1.1 200/);
    assert.equal(seen[0]!.url, '/latest/meta-data?x=1', 'only the path and query were kept, sent to the upstream');
    const tunnel = await raw('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    assert.match(tunnel, /^HTTP\/1.1 405/);
    const asterisk = await raw('OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match(asterisk, /^HTTP\/1.1 400/);
    seen.length = 0;
    const protocolRelative = await raw('GET //evil.example/steal HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n');
    assert.match(protocolRelative, /^HTTP\/1.1 200/);
    assert.equal(seen[0]!.url, '//evil.example/steal', 'a path that looks like a host stays a path on the upstream');
  });
});

describe('upstream failures and hostile clients', () => {
  it('answers 504 problem+json when the upstream hangs, 502 when it resets or is down', async () => {
    const hang = await send('/hang');
    assert.equal(hang.status, 504);
    assert.equal(hang.headers['content-type'], 'application/problem+json');
    assert.equal(JSON.parse(hang.body).status, 504);
    const reset = await send('/reset');
    assert.equal(reset.status, 502);
    await assert.rejects(send('/reset-mid-body'), 'a response cut mid-body is cut for the client too, never completed');
  });

  it('refuses oversized headers (431), oversized bodies (413), malformed requests (400), slow clients (408)', async () => {
    const big = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.match(big, /^HTTP\/1.1 431/);
    const declared = await send('/upload', { method: 'POST', headers: { 'content-length': String(2 * 1024 * 1024) }, body: Buffer.alloc(0) }).catch(() => ({ status: 413 }));
    assert.equal(declared.status, 413);
    const chunked = await send('/upload', { method: 'POST', body: Buffer.alloc(1100 * 1024, 1) }).catch(() => ({ status: 413 }));
    assert.equal(chunked.status, 413);
    const malformed = await raw('GARBAGE\r\n\r\n');
    assert.match(malformed, /^HTTP\/1.1 400/);
    const started = Date.now();
    const slow = await raw('GET / HTTP/1.1\r\nHost: x\r\n');
    assert.ok(Date.now() - started < 1900, 'the slow client was cut off by the headers timeout');
    assert.match(slow, /^HTTP\/1.1 408|^$/);
  });

  it('counts a client that goes away mid-upload as client_aborted, and frees the exchange', async () => {
    const before = await metric('rampart_proxy_requests_total{operation="(unmatched)",method="POST",status_class="4xx",outcome="client_aborted"}');
    await new Promise<void>((resolve) => {
      const port = Number(new URL(proxy.url).port);
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n');
        socket.write(Buffer.alloc(1000, 1));
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    for (let k = 0; k < 50 && proxy.metrics.inFlight > 0; k++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(proxy.metrics.inFlight, 0);
    const after = await metric('rampart_proxy_requests_total{operation="(unmatched)",method="POST",status_class="4xx",outcome="client_aborted"}');
    assert.equal(after - before, 1);
  });

  it('accounts for every request exactly once, and metrics carry no raw path or identity', async () => {
    // Let the last aborted exchanges settle.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const received = await metric('rampart_proxy_requests_received_total');
    const answered = await metric('rampart_proxy_requests_total');
    assert.ok(received > 10);
    assert.equal(answered, received, 'received = sum of outcomes');
    assert.equal(proxy.metrics.inFlight, 0);
    const text = await (await fetch(`${proxy.adminUrl}/metrics`)).text();
    for (const leaked of ['/upload', '/hang', 'evil.example', '169.254', '127.0.0.1"']) assert.equal(text.includes(leaked), false, `${leaked} is not a label`);
    assert.match(text, /outcome="upstream_timeout"/);
    assert.match(text, /outcome="upstream_error"/);
    assert.match(text, /rampart_proxy_client_errors_total\{reason="HPE_HEADER_OVERFLOW"\} 1/);
    const health = await fetch(`${proxy.adminUrl}/healthz`);
    assert.equal(health.status, 200);
    assert.equal(seen.some((entry) => entry.headers.host !== new URL(upstreamUrl).host), false, 'nothing reached any host but the upstream');
  });
});
