import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

/** Which layers each layer may import (ARCHITECTURE.md). Tests (`__tests__`, `*.test.ts`) are exempt. */
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  spec: ['core', 'spec'],
  lint: ['core', 'spec', 'lint'],
  ruleset: ['core', 'spec', 'lint', 'ruleset'],
  score: ['core', 'spec', 'lint', 'score'],
  diff: ['core', 'spec', 'diff'],
  traffic: ['core', 'spec', 'traffic'],
  discover: ['core', 'spec', 'traffic', 'discover'],
  report: ['core', 'report', 'lint', 'score'],
  scan: ['core', 'spec', 'traffic', 'scan'],
  store: ['core', 'store'],
  monitor: ['core', 'spec', 'traffic', 'discover', 'store', 'monitor'],
  config: ['core', 'spec', 'lint', 'config'],
  testing: ['core', 'spec', 'lint', 'testing'],
};

const SRC = path.resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

test('modules import only from the layers ARCHITECTURE.md allows', () => {
  const violations: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const layer = path.relative(SRC, file).split(path.sep)[0]!;
    const allowed = ALLOWED[layer];
    if (!allowed) continue; // cli, server, top-level entry points may import anything
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^\s*(?:import|export)\b[^'"]*from\s+['"](\.[^'"]+)['"]/gm)) {
      const target = path.resolve(path.dirname(file), match[1]!);
      const targetLayer = path.relative(SRC, target).split(path.sep)[0]!;
      if (!allowed.includes(targetLayer) && targetLayer !== path.basename(target)) {
        violations.push(`${path.relative(SRC, file)} imports ${match[1]} (layer "${targetLayer}")`);
      }
    }
    if (/\bprocess\.exit\(/.test(text)) violations.push(`${path.relative(SRC, file)} calls process.exit`);
  }
  assert.deepEqual(violations, []);
});
