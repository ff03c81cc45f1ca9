#!/usr/bin/env node
// Finds every *.test.ts under src/ and test/ and runs them with node's test runner (TypeScript via tsx).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const roots = ['src', 'test'];
// --built: `npm test` built dist/ just before; end-to-end tests use it instead of a private build.
const built = process.argv.includes('--built');
const only = process.argv.slice(2).filter((arg) => arg !== '--built');
const files = [];
const walk = (dir) => {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
    } else if (entry.name.endsWith('.test.ts')) files.push(full);
  }
};
roots.forEach(walk);
const selected = only.length ? files.filter((file) => only.some((pattern) => file.includes(pattern))) : files;
if (selected.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
selected.sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/support/property-seed.ts', '--test', '--test-concurrency=2', ...selected], {
  stdio: 'inherit',
  env: built ? { ...process.env, RAMPART_TEST_BUILT: '1' } : process.env,
});
process.exit(result.status ?? 1);
