/**
 * A $ref the scanner cannot follow (missing, or remote without --allow-remote) leaves a schema it
 * cannot check: the summary on stderr and the JSON report's `scan.skipped` name it, with its line,
 * instead of a silent exit 0. The scanned API is started here, on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CommandIO } from '../io.js';
import { runCli } from '../main.js';
import { startWordApi, WORD_API_CONFIG, wordApiDescription, type WordApi } from './scan-word-api.js';

describe('scan: unresolved $refs are named in the summary', () => {
  let api: WordApi;
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-scan-unresolved-'));
  before(async () => {
    api = await startWordApi('admin');
    writeFileSync(path.join(dir, 'rampart.yaml'), WORD_API_CONFIG);
  });
  after(() => api.close());

  const missing = () => {
    const description = wordApiDescription() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };
    description.paths['/users/me']!.get!.responses['200']!.content!['application/json']!.schema = { $ref: '#/components/schemas/Missing' };
    return description;
  };
  const cases: { name: string; description: () => unknown; line: RegExp }[] = [
    {
      name: 'a local $ref with no target',
      description: missing,
      line: /^    spec: openapi\.json:\d+: Cannot resolve "#\/components\/schemas\/Missing": no such target: what it names is not tested \(response conformance, generated inputs\)$/m,
    },
    {
      name: 'a remote $ref without --allow-remote',
      description: () => wordApiDescription({ Shared: { $ref: 'https://schemas.invalid/user.json#/User' } }),
      line: /^    spec: openapi\.json:\d+: Cannot resolve "https:\/\/schemas\.invalid\/user\.json#\/User": remote \$refs are followed only with --allow-remote: what it names is not tested/m,
    },
  ];
  for (const { name, description, line } of cases) {
    it(name, async () => {
      writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(description(), null, 2));
      let stderr = '';
      const io: CommandIO = { cwd: dir, stdout: () => {}, stderr: (text) => void (stderr += text), isTTY: false, env: {} };
      const status = await runCli(['scan', '--spec', 'openapi.json', '--target', api.url, '--probe', 'conformance', '--rps', '1000', '--format', 'json:report.json'], io);
      assert.equal(status, 0, stderr);
      assert.match(stderr, /^  not tested:$/m);
      assert.match(stderr, line);
      const skipped = (JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { scan: { skipped: { probe: string; reason: string }[] } }).scan.skipped;
      assert.ok(skipped.some((skip) => skip.probe === 'spec' && line.test(`    spec: ${skip.reason}`)), JSON.stringify(skipped));
    });
  }
});
