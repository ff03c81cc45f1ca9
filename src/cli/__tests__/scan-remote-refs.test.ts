/**
 * A description the scanned API serves must not make the scanner fetch other hosts (SSRF against
 * the scanner's network). Both servers are on 127.0.0.1, started here: the scanned API serves a
 * description with a $ref to its own origin and one to a second server. Without --allow-remote
 * neither is fetched; with it, only the one on the description's own origin. Either way the
 * summary names the $ref it did not follow.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CommandIO } from '../io.js';
import { runCli } from '../main.js';
import { startWordApi, WORD_API_CONFIG, wordApiDescription } from './scan-word-api.js';

const USER_SCHEMA = { User: { type: 'object', properties: { id: { type: 'string' } } } };

/** Another host as far as the scanner is concerned: a second origin that records what it receives. */
async function startOtherHost(): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(USER_SCHEMA));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('scan: remote $refs of a description served by the target', () => {
  let other: Awaited<ReturnType<typeof startOtherHost>>;
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-scan-remote-refs-'));
  before(async () => {
    other = await startOtherHost();
    writeFileSync(path.join(dir, 'rampart.yaml'), WORD_API_CONFIG);
  });
  after(() => other.close());

  const cases: { name: string; flags: string[]; ownFetched: boolean; notFollowed: RegExp[] }[] = [
    {
      name: 'without --allow-remote: no $ref is fetched, from any host',
      flags: [],
      ownFetched: false,
      notFollowed: [/spec: http:\/\/127\.0\.0\.1:\d+\/openapi\.json:\d+: Cannot resolve "\/schemas\/user\.json#\/User": remote \$refs are followed only with --allow-remote: what it names is not tested/, /Cannot resolve "http:\/\/127\.0\.0\.1:\d+\/user\.json#\/User": remote \$refs are followed only with --allow-remote/],
    },
    {
      name: 'with --allow-remote: the description\'s own origin only',
      flags: ['--allow-remote'],
      ownFetched: true,
      notFollowed: [/Cannot resolve "http:\/\/127\.0\.0\.1:\d+\/user\.json#\/User": a remote document's \$refs are followed only on its own origin \(http:\/\/127\.0\.0\.1:\d+\)/],
    },
  ];
  for (const { name, flags, ownFetched, notFollowed } of cases) {
    it(name, async () => {
      const description = wordApiDescription({ Own: { $ref: '/schemas/user.json#/User' }, Elsewhere: { $ref: `${other.url}/user.json#/User` } });
      const api = await startWordApi('admin', { description, documents: { '/schemas/user.json': USER_SCHEMA } });
      let stderr = '';
      const io: CommandIO = { cwd: dir, stdout: () => {}, stderr: (text) => void (stderr += text), isTTY: false, env: {} };
      const before = other.requests.length;
      try {
        const status = await runCli(['scan', '--spec', `${api.url}/openapi.json`, '--target', api.url, '--probe', 'conformance', '--rps', '1000', '--format', 'json:report.json', ...flags], io);
        assert.equal(status, 0, stderr);
      } finally {
        await api.close();
      }
      assert.deepEqual(other.requests.slice(before), [], 'the other host received a request');
      assert.equal(api.requests.includes('GET /schemas/user.json'), ownFetched, api.requests.join(', '));
      for (const line of notFollowed) assert.match(stderr, line);
    });
  }
});
