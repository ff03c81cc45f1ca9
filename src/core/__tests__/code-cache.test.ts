import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadWithCodeCache, requireWithCodeCache, writeCodeCache } from '../code-cache.js';

/** Loads `file` in a fresh process (V8 keeps compilations in memory, which would hide the cache). */
function cacheUsedInFreshProcess(file: string): boolean {
  const module = pathToFileURL(path.join(import.meta.dirname, '..', 'code-cache.ts')).href;
  const script = `import(${JSON.stringify(module)}).then((m) => process.stdout.write(String(m.loadWithCodeCache(${JSON.stringify(file)}).cacheUsed)))`;
  return execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' }) === 'true';
}

describe('CommonJS modules with a V8 code cache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-code-cache-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'helper.cjs'), 'module.exports = (n) => n * 2;\n');
  const file = path.join(dir, 'validators.cjs');
  writeFileSync(file, "'use strict';\nconst double = require('./helper.cjs');\nexports.check = (n) => double(n) > 10;\nexports.where = __filename;\n");

  test('without a cache it loads as require does (relative requires, __filename)', () => {
    const loaded = loadWithCodeCache(file);
    const exports = loaded.exports as { check: (n: number) => boolean; where: string };
    assert.equal(exports.check(6), true);
    assert.equal(exports.check(5), false);
    assert.equal(exports.where, file);
    assert.equal(loaded.cacheUsed, false);
  });

  test('a cache written after exercising the module is used by the next load', async () => {
    const bytes = await writeCodeCache(file, (exports) => {
      (exports as { check: (n: number) => boolean }).check(1);
    });
    assert.ok(bytes > 0);
    assert.equal(cacheUsedInFreshProcess(file), true);
    assert.equal((requireWithCodeCache(file) as { check: (n: number) => boolean }).check(7), true);
  });

  test('a module with text beyond ASCII reads as UTF-8, with and without its cache', async () => {
    const unicode = path.join(dir, 'unicode.cjs');
    writeFileSync(unicode, "exports.text = 'café ✓ 😀';\n");
    await writeCodeCache(unicode, (exports) => {
      assert.equal((exports as { text: string }).text, 'café ✓ 😀');
    });
    assert.equal(cacheUsedInFreshProcess(unicode), true);
    assert.equal((requireWithCodeCache(unicode) as { text: string }).text, 'café ✓ 😀');
  });

  test('a cache that does not fit (corrupt, or from another Node) is ignored, not an error', () => {
    // Another source than above: V8 would otherwise serve the first compilation from memory.
    const other = path.join(dir, 'other.cjs');
    writeFileSync(other, 'exports.answer = 42;\n');
    writeFileSync(`${other}.cache`, Buffer.from('not a code cache'));
    assert.equal(cacheUsedInFreshProcess(other), false);
    assert.equal((requireWithCodeCache(other) as { answer: number }).answer, 42);
  });
});
