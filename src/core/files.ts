import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { RampartError } from './errors.js';

const GLOB_CHARS = /[*?[\]{}!]/;
const SKIP_DIRS = new Set(['node_modules', '.git']);

/**
 * Expands file arguments and globs (`api/**\/*.yaml`) relative to `cwd`, in a stable order.
 * A literal path that does not exist is an error; a glob that matches nothing is too.
 */
export function expandInputs(patterns: readonly string[], cwd: string): string[] {
  const files = new Set<string>();
  for (const pattern of patterns) {
    if (/^https?:\/\//i.test(pattern)) {
      files.add(pattern);
      continue;
    }
    if (!GLOB_CHARS.test(pattern)) {
      const full = path.resolve(cwd, pattern);
      let isFile = false;
      try {
        isFile = statSync(full).isFile();
      } catch {
        throw new RampartError('RAMPART_FILE_NOT_FOUND', 'no such file', { position: { file: pattern } });
      }
      if (!isFile) throw new RampartError('RAMPART_FILE_NOT_FOUND', 'is a directory, not a file (use a glob such as dir/**/*.yaml)', { position: { file: pattern } });
      files.add(full);
      continue;
    }
    const base = staticBase(pattern);
    const matcher = picomatch(pattern.replace(/\\/g, '/'), { dot: false });
    const found: string[] = [];
    walk(path.resolve(cwd, base), (file) => {
      const relative = path.relative(cwd, file).split(path.sep).join('/');
      if (matcher(relative)) found.push(file);
    });
    if (found.length === 0) throw new RampartError('RAMPART_FILE_NOT_FOUND', 'the glob matched no file', { position: { file: pattern } });
    found.sort().forEach((file) => files.add(file));
  }
  return [...files];
}

function staticBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const part of parts) {
    if (GLOB_CHARS.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

function walk(dir: string, onFile: (file: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, onFile);
    } else if (entry.isFile()) onFile(full);
  }
}

/**
 * `mkdir -p`, one level at a time from the nearest folder that exists. Node's recursive mode loops
 * forever where mkdir fails with ENOENT under a parent that exists (`/proc/x`): here that is an error.
 */
export function ensureDirectory(directory: string): void {
  const missing: string[] = [];
  for (let current = path.resolve(directory); !existsSync(current); current = path.dirname(current)) {
    missing.push(current);
    if (path.dirname(current) === current) break;
  }
  for (let k = missing.length - 1; k >= 0; k--) mkdirSync(missing[k]!);
}
