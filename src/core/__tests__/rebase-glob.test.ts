import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { rebaseGlob } from '../rebase-glob.js';

const root = path.resolve('/repo');

const cases: { name: string; pattern: string; fromDir: string; cwd: string; expected: string[] }[] = [
  { name: 'same folder: unchanged', pattern: 'api/*.yaml', fromDir: root, cwd: root, expected: ['api/*.yaml'] },
  { name: 'base name glob: unchanged', pattern: '*.yaml#/paths', fromDir: root, cwd: path.join(root, 'api'), expected: ['*.yaml#/paths'] },
  { name: 'cwd below the fixed part', pattern: 'api/v1/*.yaml', fromDir: root, cwd: path.join(root, 'api'), expected: ['v1/*.yaml'] },
  { name: 'cwd is the fixed part', pattern: 'api/**/*.yaml', fromDir: root, cwd: path.join(root, 'api'), expected: ['**/*.yaml'] },
  { name: 'cwd deeper than the fixed part, globstar absorbs it', pattern: '**/legacy/*.yaml', fromDir: root, cwd: path.join(root, 'a', 'b'), expected: ['**/legacy/*.yaml', '../**/legacy/*.yaml', '../../**/legacy/*.yaml'] },
  { name: 'cwd deeper, matching segment consumed', pattern: 'api-*/*.yaml#/paths', fromDir: root, cwd: path.join(root, 'api-v1'), expected: ['*.yaml#/paths', '../api-*/*.yaml#/paths'] },
  { name: 'cwd deeper, non-matching segment: points outside', pattern: 'api-*/*.yaml', fromDir: root, cwd: path.join(root, 'docs'), expected: ['../api-*/*.yaml'] },
  { name: 'config below cwd (--config)', pattern: 'api/*.yaml', fromDir: path.join(root, 'conf'), cwd: root, expected: ['conf/api/*.yaml'] },
  { name: 'cwd below a globstar: files below it and files above it', pattern: 'api/**/*.yaml', fromDir: root, cwd: path.join(root, 'api', 'schemas'), expected: ['**/*.yaml', '../**/*.yaml'] },
  { name: 'two folders below a globstar: files one and two folders up too', pattern: 'services/**/*.yaml', fromDir: root, cwd: path.join(root, 'services', 'orders', 'schemas'), expected: ['**/*.yaml', '../**/*.yaml', '../../**/*.yaml'] },
  { name: 'leading ./ is dropped', pattern: './api/x.yaml', fromDir: root, cwd: path.join(root, 'api'), expected: ['x.yaml'] },
];

for (const item of cases) {
  test(`rebaseGlob: ${item.name}`, () => {
    assert.deepEqual(rebaseGlob(item.pattern, item.fromDir, item.cwd), item.expected);
  });
}
