import path from 'node:path';
import picomatch from 'picomatch';

const GLOB_CHARS = /[*?[\]{}!()]/;

/**
 * Rewrites a glob written relative to `fromDir` (the config file's folder) so that it matches the
 * paths findings carry, which are relative to `cwd`. `glob#/pointer` keeps its pointer. A glob
 * without `/` matches file names anywhere and is kept as is.
 */
export function rebaseGlob(pattern: string, fromDir: string, cwd: string): string {
  const hash = pattern.indexOf('#');
  const glob = hash === -1 ? pattern : pattern.slice(0, hash);
  const fragment = hash === -1 ? '' : pattern.slice(hash);
  if (!glob.includes('/') || path.resolve(fromDir) === path.resolve(cwd)) return pattern;

  const segments = glob.replace(/^\.\//, '').split('/');
  const firstDynamic = segments.findIndex((segment) => GLOB_CHARS.test(segment));
  const fixed = firstDynamic === -1 ? segments : segments.slice(0, firstDynamic);
  const dynamic = firstDynamic === -1 ? [] : segments.slice(firstDynamic);
  const base = path.resolve(fromDir, ...fixed);
  const relative = path.relative(cwd, base).split(path.sep).join('/');
  if (!relative.startsWith('..') || dynamic.length === 0) return join(relative, dynamic) + fragment;

  // cwd lies below the glob's fixed part: consume cwd's extra folders with the glob's segments.
  const below = path.relative(base, cwd).split(path.sep);
  if (below[0] === '..') return join(relative, dynamic) + fragment;
  const rest = [...dynamic];
  for (const folder of below) {
    if (rest[0] === '**') return join('', rest) + fragment;
    if (rest.length <= 1 || !picomatch(rest[0]!, { dot: true })(folder)) return join(relative, dynamic) + fragment;
    rest.shift();
  }
  return join('', rest) + fragment;
}

function join(prefix: string, segments: readonly string[]): string {
  return [prefix, ...segments].filter((part) => part !== '' && part !== '.').join('/') || '.';
}
