import path from 'node:path';
import { pathToFileURL } from 'node:url';

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** True for `http://…`, `file://…`: files that came from a URL rather than the working tree. */
export function isUrl(file: string): boolean {
  return URL_SCHEME.test(file);
}

/**
 * A finding's file as every report shows it: relative to the working directory, with forward
 * slashes so CI annotations and SARIF match on every platform. URLs are kept as they are.
 */
export function reportPath(file: string, cwd: string): string {
  if (isUrl(file)) return file;
  const relative = path.isAbsolute(file) || path.win32.isAbsolute(file) ? path.relative(cwd, file) || '.' : file;
  return relative.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** True when a report path leaves the working directory (`../x`) or could not be made relative. */
export function isOutsideRoot(relative: string): boolean {
  return relative === '..' || relative.startsWith('../') || path.isAbsolute(relative) || path.win32.isAbsolute(relative);
}

/** The working directory as a file URI ending in `/`, the form SARIF wants for a base id. */
export function directoryUri(cwd: string): string {
  const href = pathToFileURL(cwd).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
export function relativeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

/** An absolute file URI for a path outside the working directory. */
export function absoluteUri(file: string, cwd: string): string {
  return pathToFileURL(path.resolve(cwd, file)).href;
}
