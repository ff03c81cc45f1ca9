import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory of Rampart's package.json: the nearest one above this module. Found by walking up
 * rather than by a fixed relative path, because the same code runs from `dist/` (tsc's output,
 * tests) and from `dist/bundle/` (the bundled CLI).
 */
export const PACKAGE_ROOT: string = (() => {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(directory, 'package.json'))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return directory;
    directory = parent;
  }
})();
