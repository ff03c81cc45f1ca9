import path from 'node:path';
import picomatch from 'picomatch';

const GLOB_CHARS = /[*?[\]{}!()]/;

/**
 * Rewrites a glob written relative to `fromDir` (the config file's folder) into the globs that match
 * the paths findings carry, which are relative to `cwd`. `glob#/pointer` keeps its pointer. A glob
 * without `/` matches file names anywhere and is kept as is. When `cwd` lies inside the glob's
 * reach, files below it (`x.yaml`) and files beside or above it (`../x.yaml`) need one glob each.
 */
export function rebaseGlob(pattern: string, fromDir: string, cwd: string): string[] {
  const hash = pattern.indexOf('#');
  const glob = hash === -1 ? pattern : pattern.slice(0, hash);
  const fragment = hash === -1 ? '' : pattern.slice(hash);
  if (!glob.includes('/') || path.resolve(fromDir) === path.resolve(cwd)) return [pattern];

  const segments = glob.replace(/^\.\//, '').split('/');
  const firstDynamic = segments.findIndex((segment) => GLOB_CHARS.test(segment));
  const fixed = firstDynamic === -1 ? segments : segments.slice(0, firstDynamic);
  const dynamic = firstDynamic === -1 ? [] : segments.slice(firstDynamic);
  const base = path.resolve(fromDir, ...fixed);
  const relative = path.relative(cwd, base).split(path.sep).join('/');
  const outside = join(relative, dynamic) + fragment;
  if (!relative.startsWith('..') || dynamic.length === 0) return [outside];

  // cwd lies below the glob's fixed part. A file `up` folders above cwd shows as `../…`: the glob's
  // segments must first consume the folders between the base and that common ancestor.
  const below = path.relative(base, cwd).split(path.sep);
  if (below[0] === '..') return [outside];
  const globs = new Set<string>();
  for (let up = 0; up <= below.length; up++) {
    const rest = consume(dynamic, below.slice(0, below.length - up));
    if (rest) globs.add(join(Array.from({ length: up }, () => '..').join('/'), rest) + fragment);
  }
  return [...globs];
}

/** The glob's segments left after matching `folders` in order; a `**` absorbs whatever is left. */
function consume(segments: readonly string[], folders: readonly string[]): string[] | undefined {
  const rest = [...segments];
  for (const folder of folders) {
    if (rest[0] === '**') return rest;
    if (rest.length <= 1 || !picomatch(rest[0]!, { dot: true })(folder)) return undefined;
    rest.shift();
  }
  return rest;
}

function join(prefix: string, segments: readonly string[]): string {
  return [prefix, ...segments].filter((part) => part !== '' && part !== '.').join('/') || '.';
}
