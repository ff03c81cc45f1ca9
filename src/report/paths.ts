import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDocumentLocation, type Finding, type Location } from '../core/finding.js';

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

/**
 * `rev:path`, a file of a git revision (a diff's base), which code hosts cannot show: only files of
 * the checked-out tree. The CLI names the revisions it read (`revisions`); without them (a library
 * caller) a revision is recognised as a name without `/` before the colon (`HEAD`, `main`, `v1.2`),
 * not a URL, not a Windows drive.
 */
export function isRevisionFile(file: string, revisions?: readonly string[]): boolean {
  if (revisions) return revisions.some((revision) => file.startsWith(`${revision}:`));
  return /^(?![A-Za-z]:[\\/])[^:/\\]+:(?!\/\/)/.test(file);
}

/**
 * A finding's places, the one to show first: a diff's change located in a git revision (a removal)
 * moves behind its counterpart in the working tree, when it has one.
 */
export function placesForCodeHost(finding: Finding, revisions?: readonly string[]): { primary: Location; related: Location[] } {
  const all = [finding.location, ...(finding.relatedLocations ?? [])];
  const onTree = all.findIndex((place) => !isDocumentLocation(place) || !isRevisionFile(place.file, revisions));
  if (onTree <= 0) return { primary: finding.location, related: finding.relatedLocations ?? [] };
  return { primary: all[onTree]!, related: all.filter((_, index) => index !== onTree) };
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
