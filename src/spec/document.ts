import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RampartError, isRampartError } from '../core/errors.js';
import { getAtPointer, joinPointer, parsePointer, pointerFromSegments } from './pointer.js';
import { decodeText, parseSource, type Source } from './source.js';
import { detectVersion, type SpecVersion } from './version.js';

export interface LoadOptions {
  /** Working directory: reports show paths relative to it. Default: process.cwd(). */
  cwd?: string;
  /** Follow http(s) $refs. Off by default: linting must not reach the network unasked. */
  allowRemote?: boolean;
  /** Read a root given as a URL without `allowRemote`: the user named it; the $refs it makes still need `allowRemote`. */
  remoteRoot?: boolean;
  /**
   * A remote document's $refs to other remote documents stay on its own origin. The scanner reads a
   * description the scanned API may serve: it must not be sent to other hosts by it.
   */
  remoteRefsSameOrigin?: boolean;
  /** Follow file $refs outside the working directory and the root document's folder. */
  allowOutsideRoot?: boolean;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** In-memory files (absolute path → text) read instead of the disk: tests, editors, stdin. */
  overlay?: ReadonlyMap<string, string>;
  /** With an overlay: never fall back to the disk. */
  overlayOnly?: boolean;
}

export interface RefProblem {
  source: Source;
  /** Pointer of the object that holds the $ref. */
  pointer: string;
  ref: string;
  code: 'unresolved' | 'forbidden' | 'unreadable' | 'circular';
  message: string;
}

export interface NodeAt {
  source: Source;
  pointer: string;
  value: unknown;
}

/** A `$ref` as written, and the place of the object that holds it. */
export class RefSite {
  private spelled: string | undefined;

  constructor(
    private readonly segments: readonly string[],
    readonly ref: string,
  ) {}

  /** Spelled out on first use: a large file has 10,000s of $refs, and only broken ones are reported. */
  get pointer(): string {
    return (this.spelled ??= pointerFromSegments(this.segments));
  }
}

const REMOTE = /^https?:\/\//i;
const MAX_REMOTE_BYTES = 32 * 1024 * 1024;

export function isRefObject(value: unknown): value is { $ref: string } {
  return value !== null && typeof value === 'object' && typeof (value as { $ref?: unknown }).$ref === 'string';
}

/** A loaded API description: its root file, every file it references, and $ref resolution between them. */
export class ApiDocument {
  private resolvedRoot: unknown;
  private readonly lookups = new Map<Source, Map<string, NodeAt | null>>();
  private readonly origins = new WeakMap<object, { source: Source; pointer: string }>();
  private targets: Set<object> | undefined;
  private referenced: Set<string> | undefined;

  constructor(
    readonly root: Source,
    readonly sources: ReadonlyMap<string, Source>,
    readonly version: SpecVersion,
    readonly refProblems: readonly RefProblem[],
    readonly refSites: ReadonlyMap<Source, readonly RefSite[]>,
  ) {}

  /**
   * Every node a `$ref` of the document leads to (through chains of refs). Without YAML aliases,
   * these are the only nodes a walk can reach twice; a walk need remember only them.
   */
  refTargets(): ReadonlySet<object> {
    if (!this.targets) {
      this.targets = new Set();
      for (const [source, sites] of this.refSites) {
        for (const site of sites) {
          const target = this.resolveRef(source, site.ref)?.value;
          if (target !== null && typeof target === 'object') this.targets.add(target);
        }
      }
    }
    return this.targets;
  }

  /**
   * Every `file-uri#pointer` some `$ref` of any file names, one step as written (not through
   * chains): what "unused component" checks, built-in and Spectral's function alike, look up.
   */
  referencedPlaces(): ReadonlySet<string> {
    if (!this.referenced) {
      this.referenced = new Set();
      for (const [source, sites] of this.refSites) {
        for (const site of sites) {
          const target = this.lookup(source, site.ref);
          if (target) this.referenced.add(`${target.source.uri}#${target.pointer}`);
        }
      }
    }
    return this.referenced;
  }

  /** Whether some file shares nodes between places (YAML aliases). */
  get sharesNodes(): boolean {
    for (const source of this.sources.values()) if (source.sharesNodes) return true;
    return false;
  }

  /** Follows `ref` written in `from` (through chains of refs) to the node it names. */
  resolveRef(from: Source, ref: string): NodeAt | undefined {
    // Most refs lead straight to their node: the set that stops a cycle is made only for a chain.
    let seen: Set<string> | undefined;
    let source = from;
    let current = ref;
    for (;;) {
      const target = this.lookup(source, current);
      if (!target) return undefined;
      if (!isRefObject(target.value)) return target;
      const key = `${target.source.uri}#${target.pointer}`;
      seen ??= new Set();
      if (seen.has(key)) return undefined;
      seen.add(key);
      source = target.source;
      current = target.value.$ref;
    }
  }

  /** One step of resolution, without following a $ref found at the target. */
  lookup(from: Source, ref: string): NodeAt | undefined {
    // Every rule and the walk resolve the same refs again and again: parse each pointer once per file.
    let cache = this.lookups.get(from);
    if (!cache) this.lookups.set(from, (cache = new Map()));
    let found = cache.get(ref);
    if (found === undefined) cache.set(ref, (found = this.lookupUncached(from, ref) ?? null));
    return found ?? undefined;
  }

  private lookupUncached(from: Source, ref: string): NodeAt | undefined {
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    const source = filePart === '' ? from : this.sources.get(resolveUri(from.uri, filePart));
    if (!source) return undefined;
    let segments: string[];
    try {
      segments = parsePointer(`#${fragment}`);
    } catch {
      return undefined;
    }
    const found = getAtPointer(source.value, segments);
    return found.found ? { source, pointer: joinPointer('', ...segments), value: found.value } : undefined;
  }

  /** If `value` is a $ref object, what it resolves to; otherwise the node itself. */
  deref(node: NodeAt): NodeAt {
    if (!isRefObject(node.value)) return node;
    return this.resolveRef(node.source, node.value.$ref) ?? node;
  }

  /**
   * The document with every $ref replaced by its target (shared, not copied per use). A $ref that
   * would close a cycle stays a $ref object, so the result is a finite graph that JSONPath can walk.
   */
  resolved(): unknown {
    if (this.resolvedRoot !== undefined) return this.resolvedRoot;
    const copies = new Map<object, unknown>();
    const inProgress = new Set<object>();
    // An explicit stack: $ref chains thousands deep must not exhaust the call stack.
    const stack: { value: object; out: Record<string, unknown> | unknown[]; source: Source; pointer: string; keys: string[] | null; index: number }[] = [];
    const enter = (value: unknown, source: Source, pointer: string): unknown => {
      if (value === null || typeof value !== 'object') return value;
      if (isRefObject(value)) {
        const target = this.resolveRef(source, value.$ref); // never itself a $ref object
        if (!target) return value;
        if (target.value !== null && typeof target.value === 'object' && inProgress.has(target.value)) return value;
        return enter(target.value, target.source, target.pointer);
      }
      const known = copies.get(value);
      if (known !== undefined) return known;
      const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
      copies.set(value, out);
      this.origins.set(out, { source, pointer });
      inProgress.add(value);
      stack.push({ value, out, source, pointer, keys: Array.isArray(value) ? null : Object.keys(value), index: 0 });
      return out;
    };
    const root = enter(this.root.value, this.root, '');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const length = frame.keys ? frame.keys.length : (frame.value as unknown[]).length;
      if (frame.index >= length) {
        inProgress.delete(frame.value);
        stack.pop();
        continue;
      }
      const key = frame.keys ? frame.keys[frame.index]! : frame.index;
      frame.index++;
      const child = (frame.value as Record<string | number, unknown>)[key];
      const childPointer = typeof key === 'number' ? `${frame.pointer}/${key}` : joinPointer(frame.pointer, key);
      (frame.out as Record<string | number, unknown>)[key] = child !== null && typeof child === 'object' ? enter(child, frame.source, childPointer) : child;
    }
    this.resolvedRoot = root;
    return root;
  }

  /** Where a node of the resolved document was written: its file and pointer. */
  originOf(path: readonly (string | number)[]): { source: Source; pointer: string } {
    let node: unknown = this.resolved();
    let location = this.origins.get(node as object) ?? { source: this.root, pointer: '' };
    for (const segment of path) {
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment as string] : undefined;
      const origin = node !== null && typeof node === 'object' ? this.origins.get(node) : undefined;
      location = origin ?? { source: location.source, pointer: joinPointer(location.pointer, segment) };
    }
    return location;
  }

  /** Every file name in the document set, root first. */
  get files(): string[] {
    return [...this.sources.values()].map((source) => source.displayPath);
  }
}

const uriCache = new Map<string, string>();

/** Absolute URI of `reference` written in `baseUri`. Memoised: multi-file documents repeat the same refs thousands of times. */
export function resolveUri(baseUri: string, reference: string): string {
  const cacheKey = `${baseUri}\u0000${reference}`;
  let resolved = uriCache.get(cacheKey);
  if (resolved === undefined) {
    resolved = computeUri(baseUri, reference);
    if (uriCache.size > 100_000) uriCache.clear();
    uriCache.set(cacheKey, resolved);
  }
  return resolved;
}

function computeUri(baseUri: string, reference: string): string {
  if (REMOTE.test(reference)) return reference;
  if (REMOTE.test(baseUri)) return new URL(reference, baseUri).href;
  let decoded = reference;
  try {
    decoded = decodeURI(reference);
  } catch {
    // keep it as written
  }
  return path.resolve(path.dirname(baseUri), decoded);
}

/**
 * Collects every `$ref` string in a value with the pointer of the object holding it. Pointers are
 * built only for the objects that hold a $ref: this walk touches every node of every file.
 */
export function findRefs(value: unknown, sharesNodes = true): RefSite[] {
  const sites: RefSite[] = [];
  const path: string[] = [];
  // Only YAML aliases share nodes; a tree without them needs no set of 100,000s of objects.
  const seen = sharesNodes ? new Set<object>() : undefined;
  const visit = (node: object): void => {
    if (seen) {
      if (seen.has(node)) return;
      seen.add(node);
    }
    if (typeof (node as { $ref?: unknown }).$ref === 'string') {
      sites.push(new RefSite(path.slice(), (node as { $ref: string }).$ref));
      return;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child = node[i];
        if (child !== null && typeof child === 'object') {
          path.push(String(i));
          visit(child);
          path.pop();
        }
      }
      return;
    }
    for (const key in node) {
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') {
        path.push(key);
        visit(child);
        path.pop();
      }
    }
  };
  if (value !== null && typeof value === 'object') visit(value);
  return sites;
}

/** Loads an API description and every file it references, reporting $ref problems instead of failing on them. */
export async function loadDocument(file: string, options: LoadOptions = {}): Promise<ApiDocument> {
  const cwd = options.cwd ?? process.cwd();
  const rootUri = REMOTE.test(file) ? file : path.resolve(cwd, file);
  if (REMOTE.test(rootUri) && !options.allowRemote && !options.remoteRoot) {
    throw new RampartError('RAMPART_REF_FORBIDDEN', `${file}: reading a remote document needs --allow-remote`);
  }
  const allowedRoots = REMOTE.test(rootUri) ? [cwd] : [cwd, path.dirname(rootUri)];
  const display = (uri: string) => (REMOTE.test(uri) ? uri : path.relative(cwd, uri) || path.basename(uri));

  const root = await readSource(rootUri, display(rootUri), options);
  const version = detectVersion(root);
  const sources = new Map<string, Source>([[rootUri, root]]);
  const failures = new Map<string, { code: RefProblem['code']; message: string }>();
  const problems: RefProblem[] = [];
  const refSites = new Map<Source, RefSite[]>();
  const queue: Source[] = [root];

  while (queue.length > 0) {
    const source = queue.shift()!;
    const sites = findRefs(source.value, source.sharesNodes);
    refSites.set(source, sites);
    for (const site of sites) {
      const hash = site.ref.indexOf('#');
      const filePart = hash === -1 ? site.ref : site.ref.slice(0, hash);
      if (filePart === '') continue;
      const uri = resolveUri(source.uri, filePart);
      if (sources.has(uri) || failures.has(uri)) continue;
      const denied = permission(uri, source.uri, allowedRoots, options);
      if (denied) {
        failures.set(uri, { code: 'forbidden', message: denied });
        continue;
      }
      try {
        const loaded = await readSource(uri, display(uri), options);
        sources.set(uri, loaded);
        queue.push(loaded);
      } catch (error) {
        // The finding (or the diff's error) has a code of its own: the cause's would be a second one.
        failures.set(uri, { code: 'unreadable', message: isRampartError(error) ? error.toOneLine({ code: false }) : (error as Error).message });
      }
    }
  }

  const document = new ApiDocument(root, sources, version, problems, refSites);
  for (const [source, sites] of refSites) {
    for (const site of sites) {
      const hash = site.ref.indexOf('#');
      const filePart = hash === -1 ? site.ref : site.ref.slice(0, hash);
      const failure = filePart === '' ? undefined : failures.get(resolveUri(source.uri, filePart));
      if (failure) {
        problems.push({ source, pointer: site.pointer, ref: site.ref, code: failure.code, message: `Cannot resolve "${site.ref}": ${failure.message}` });
        continue;
      }
      if (!document.lookup(source, site.ref)) {
        problems.push({ source, pointer: site.pointer, ref: site.ref, code: 'unresolved', message: `Cannot resolve "${site.ref}": no such target.` });
      } else if (!document.resolveRef(source, site.ref) && refChainCycles(document, source, site.ref)) {
        problems.push({ source, pointer: site.pointer, ref: site.ref, code: 'circular', message: `"${site.ref}" is a $ref to itself through other $refs only.` });
      }
    }
  }
  return document;
}

/** Whether following `ref` comes back to a $ref already passed (a chain that stops at a broken $ref is reported there instead). */
function refChainCycles(document: ApiDocument, from: Source, ref: string): boolean {
  const seen = new Set<string>();
  let target = document.lookup(from, ref);
  while (target && isRefObject(target.value)) {
    const key = `${target.source.uri}#${target.pointer}`;
    if (seen.has(key)) return true;
    seen.add(key);
    target = document.lookup(target.source, target.value.$ref);
  }
  return false;
}

function permission(uri: string, fromUri: string, allowedRoots: string[], options: LoadOptions): string | undefined {
  if (REMOTE.test(uri)) {
    if (!options.allowRemote) return 'remote $refs are followed only with --allow-remote';
    const from = REMOTE.test(fromUri) ? new URL(fromUri).origin : undefined;
    if (options.remoteRefsSameOrigin && from !== undefined && new URL(uri).origin !== from) return `a remote document's $refs are followed only on its own origin (${from})`;
    return undefined;
  }
  if (REMOTE.test(fromUri)) return 'a remote document may not refer to local files';
  if (options.allowOutsideRoot) return undefined;
  const inside = allowedRoots.some((rootDir) => {
    if (uri.startsWith(rootDir.endsWith(path.sep) ? rootDir : rootDir + path.sep)) return true;
    const relative = path.relative(rootDir, uri);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  });
  return inside ? undefined : 'the file is outside the working directory and the document folder (allow it with --allow-outside-root)';
}

async function readSource(uri: string, displayPath: string, options: LoadOptions): Promise<Source> {
  if (REMOTE.test(uri)) {
    const fetcher = options.fetch ?? fetch;
    let response: Response;
    try {
      response = await fetcher(uri, { signal: AbortSignal.timeout(15_000), redirect: 'error' });
    } catch (error) {
      throw new RampartError('RAMPART_FILE_NOT_FOUND', `cannot fetch: ${(error as Error).message}`, { cause: error, position: { file: displayPath } });
    }
    if (!response.ok) throw new RampartError('RAMPART_FILE_NOT_FOUND', `cannot fetch: HTTP ${response.status}`, { position: { file: displayPath } });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_REMOTE_BYTES) throw new RampartError('RAMPART_INPUT_TOO_LARGE', 'remote document is too large', { position: { file: displayPath } });
    return parseSource(uri, displayPath, decodeText(bytes, displayPath));
  }
  const inMemory = options.overlay?.get(uri);
  if (inMemory !== undefined) return parseSource(uri, displayPath, inMemory.charCodeAt(0) === 0xfeff ? inMemory.slice(1) : inMemory);
  if (options.overlay && !REMOTE.test(uri) && options.overlayOnly) {
    throw new RampartError('RAMPART_FILE_NOT_FOUND', 'no such file', { position: { file: displayPath } });
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(uri);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory, not a file' : (error as Error).message;
    throw new RampartError('RAMPART_FILE_NOT_FOUND', reason, { cause: error, position: { file: displayPath } });
  }
  return parseSource(uri, displayPath, decodeText(bytes, displayPath));
}
