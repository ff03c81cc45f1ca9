import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { hasOpenssl, selfSignedCertificate } from '../../../examples/demo-api/self-signed.js';
import { describeFailure, RequestRefused, Transport, type TransportOptions } from '../transport.js';

const options = (target: string, extra: Partial<TransportOptions> = {}): TransportOptions => ({ target: new URL(target), rps: 1000, budget: 100, timeoutMs: 5000, allowDestructive: false, ...extra });

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(String((server.address() as AddressInfo).port))));
}

describe('transport: one origin, or its plain-http twin when given', () => {
  const cases: [string, Partial<TransportOptions>, string, string | undefined][] = [
    ['same origin', {}, '/health', 'https://127.0.0.1:8443/health'],
    ['another port is another origin', {}, 'https://127.0.0.1:9443/health', 'refused: https://127.0.0.1:9443 is not the target https://127.0.0.1:8443'],
    ['plain http refused without --http-target', {}, 'http://127.0.0.1:8080/health', 'refused: http://127.0.0.1:8080 is not the target https://127.0.0.1:8443'],
    ['plain http allowed as the named twin', { httpTarget: new URL('http://127.0.0.1:8080') }, 'http://127.0.0.1:8080/health', 'http://127.0.0.1:8080/health'],
    ['still no third origin', { httpTarget: new URL('http://127.0.0.1:8080') }, 'http://127.0.0.1:8081/', 'refused: http://127.0.0.1:8081 is not the target https://127.0.0.1:8443'],
  ];
  for (const [name, extra, path, expected] of cases) {
    it(name, () => {
      const transport = new Transport(options('https://127.0.0.1:8443', extra));
      try {
        assert.equal(transport.resolve(path).href, expected);
      } catch (error) {
        assert.ok(error instanceof RequestRefused);
        assert.equal(error.message, expected);
      }
    });
  }
});

describe('transport: untrusted certificates', () => {
  it('says how to scan anyway', () => {
    const error = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    assert.equal(describeFailure(error), 'self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT): the certificate is not trusted; pass --insecure to scan it anyway');
    assert.equal(describeFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })), 'connect ECONNREFUSED 127.0.0.1:1');
  });

  const openssl = hasOpenssl();
  let server: Server;
  let target = '';
  before(async () => {
    if (!openssl) return;
    server = createHttpsServer(selfSignedCertificate(), (request, response) => response.end('ok'));
    target = `https://127.0.0.1:${await listen(server)}`;
  });
  after(() => server?.close());

  it('refuses a self-signed target unless insecure, then talks to it', { skip: openssl ? false : 'no openssl command to make a certificate' }, async () => {
    const strict = await new Transport(options(target)).send({ method: 'GET', path: '/', probe: 'test' });
    assert.equal(strict.response, undefined);
    assert.match(strict.error ?? '', /self-signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\): .*pass --insecure/);
    const insecure = await new Transport(options(target, { insecure: true })).send({ method: 'GET', path: '/', probe: 'test' });
    assert.equal(insecure.error, undefined);
    assert.equal(insecure.response?.status, 200);
    assert.equal(insecure.response?.body, 'ok');
  });
});

describe('transport: the plain-http twin is reached over http', () => {
  let server: Server;
  let port = '';
  before(async () => {
    server = createHttpServer((request, response) => response.writeHead(308, { Location: `https://127.0.0.1:1${request.url}` }).end());
    port = await listen(server);
  });
  after(() => server.close());

  it('records the redirect without following it', async () => {
    const transport = new Transport(options('https://127.0.0.1:1', { httpTarget: new URL(`http://127.0.0.1:${port}`) }));
    const exchange = await transport.send({ method: 'GET', path: `http://127.0.0.1:${port}/health`, probe: 'test' });
    assert.equal(exchange.response?.status, 308);
    assert.equal(exchange.response?.headers.location, 'https://127.0.0.1:1/health');
    assert.equal(transport.exchanges.length, 1);
  });
});
