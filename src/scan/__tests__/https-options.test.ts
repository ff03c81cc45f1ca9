/** `--http-target` is checked before any request: plain http, on the host of an https target. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RampartError } from '../../core/errors.js';
import { scan } from '../scan.js';

test('scan: --http-target usage errors', async () => {
  const cases: [string, string, string, string][] = [
    ['not a URL', 'https://127.0.0.1:8443', 'nope', '--http-target: "nope" is not a URL'],
    ['https given as the http twin', 'https://127.0.0.1:8443', 'https://127.0.0.1:8080', '--http-target: expected an http:// URL, got https:'],
    ['nothing to compare with on an http target', 'http://127.0.0.1:8443', 'http://127.0.0.1:8080', '--http-target: needs an https --target to compare with'],
    ['another host is never contacted', 'https://127.0.0.1:8443', 'http://127.0.0.2:8080', '--http-target: 127.0.0.2 is not the host of --target (127.0.0.1)'],
  ];
  for (const [name, target, httpTarget, message] of cases) {
    await assert.rejects(scan({ spec: 'never-read.yaml', target, httpTarget }), (error: unknown) => {
      assert.ok(error instanceof RampartError, name);
      assert.equal(error.code, 'RAMPART_USAGE', name);
      assert.equal(error.message, message, name);
      return true;
    });
  }
});
