import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { RampartError } from '../core/errors.js';
import type { Origin } from '../spec/api.js';
import { loadDocument, type ApiDocument, type LoadOptions } from '../spec/document.js';

export interface LoadedRevision {
  document: ApiDocument;
  /** What reports call the input: the path, or `rev:path` for a git revision. */
  label: string;
  /** How findings name a file of this input. */
  fileLabel(origin: Origin): string;
  /** The git revision it was read from (its files are named `rev:path`), if it was. */
  revision?: string;
}

const REMOTE = /^https?:\/\//i;

/**
 * Loads one side of a diff: a file (or URL), or `rev:path` read from git with `git show`. Every file
 * a git document `$ref`s is read from the same revision on demand, in memory: no temporary checkout.
 */
export async function loadRevision(input: string, options: LoadOptions & { cwd: string }): Promise<LoadedRevision> {
  const gitSpec = /^([^:]{2,}):(.+)$/.exec(input);
  if (REMOTE.test(input) || !gitSpec || existsSync(path.resolve(options.cwd, input))) {
    const document = await loadDocument(input, options);
    return { document, label: input, fileLabel: (origin) => origin.source.displayPath };
  }
  const [, rev, file] = gitSpec as unknown as [string, string, string];
  const repoRoot = git(options.cwd, ['rev-parse', '--show-toplevel'])?.trim();
  if (!repoRoot) throw new RampartError('RAMPART_FILE_NOT_FOUND', `${input}: no such file, and not inside a git repository to read a revision from`);
  if (git(options.cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]) === undefined) {
    throw new RampartError('RAMPART_FILE_NOT_FOUND', `${input}: unknown git revision "${rev}"`);
  }
  // `rev:./x` and `rev:../x` are relative to the working directory, `rev:x` to the repository root (as git reads them).
  const relative = /^\.\.?\//.test(file) ? path.relative(repoRoot, path.resolve(options.cwd, file)) : file;
  const files = new GitFiles(repoRoot, rev);
  const rootUri = path.join(repoRoot, relative);
  if (files.get(rootUri) === undefined) throw new RampartError('RAMPART_FILE_NOT_FOUND', `${input}: no such file in git revision "${rev}"`);
  const document = await loadDocument(rootUri, { ...options, overlay: files, overlayOnly: true });
  const fileLabel = (origin: Origin) => `${rev}:${path.relative(repoRoot, origin.source.uri).split(path.sep).join('/')}`;
  return { document, label: input, fileLabel, revision: rev };
}

/** The files of one git revision, read lazily by absolute path (the loader's overlay). */
class GitFiles extends Map<string, string> {
  private readonly missing = new Set<string>();

  constructor(
    private readonly repoRoot: string,
    private readonly rev: string,
  ) {
    super();
  }

  override get(uri: string): string | undefined {
    const known = super.get(uri);
    if (known !== undefined || this.missing.has(uri)) return known;
    const relative = path.relative(this.repoRoot, uri);
    const text = relative.startsWith('..') || path.isAbsolute(relative) ? undefined : git(this.repoRoot, ['show', `${this.rev}:${relative.split(path.sep).join('/')}`]);
    if (text === undefined) this.missing.add(uri);
    else super.set(uri, text);
    return text;
  }
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 512 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}
