import { statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from './schema.js';

/**
 * The configuration file that applies to `cwd`: the first of CONFIG_FILE_NAMES in `cwd`, then in
 * each parent folder up to the filesystem root. Undefined when there is none.
 */
export function discoverConfig(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
