import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ensureDirectory } from '../files.js';

const root = mkdtempSync(path.join(tmpdir(), 'rampart-ensure-directory-'));
after(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(path.join(root, 'a-file'), 'x');

test('ensureDirectory creates every missing level, and is a no-op where the folder exists', () => {
  const deep = path.join(root, 'one', 'two', 'three');
  ensureDirectory(deep);
  assert.ok(statSync(deep).isDirectory());
  ensureDirectory(deep);
  ensureDirectory(root);
});

test('ensureDirectory fails (never loops) where a level cannot be made', () => {
  assert.throws(() => ensureDirectory(path.join(root, 'a-file', 'below')), { code: 'ENOTDIR' });
});

// Node's own recursive mkdir spins forever on /proc/<missing> (ENOENT under an existing parent).
// In a child process with a deadline, so a regression fails instead of hanging the suite.
test('ensureDirectory fails at once under /proc', { skip: !existsSync('/proc/self') && 'no /proc here' }, () => {
  const files = path.resolve(import.meta.dirname, '..', 'files' + path.extname(import.meta.filename));
  const script = `import { ensureDirectory } from ${JSON.stringify(files)}; try { ensureDirectory('/proc/rampart-no-such/x'); console.log('created'); } catch (error) { console.log(error.code); }`;
  const child = spawnSync(process.execPath, [...process.execArgv, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(child.signal, null, 'the child finished before the deadline');
  assert.equal(child.stdout.trim(), 'ENOENT');
});
