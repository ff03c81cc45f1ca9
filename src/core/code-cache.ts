import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * V8 settings for a run of a second or so, applied before Rampart's own code is compiled. TurboFan's
 * inlining pays off in a long-running process (the proxy); in a lint run, compiling the inlined
 * code on the second core cost more than it saved (measured on kubernetes: 15% less CPU, 6-8% less
 * wall time without it). V8 accepts a code cache only under the flags it was written with, so the
 * build writes the CLI's cache under these too.
 */
export function tuneV8ForBatchRun(): void {
  v8.setFlagsFromString('--no-turbo-inlining');
}

/**
 * Loads a CommonJS file as `require` would, with V8's code cache from `<file>.cache` when there is
 * one. The cache is written at build time after the module has run on sample input, so it holds the
 * functions V8 compiled lazily too: a large generated module then costs a run neither its parse
 * nor those compilations. A cache V8 rejects (another Node or V8 version) is simply not used.
 */
export function requireWithCodeCache(file: string): unknown {
  return loadWithCodeCache(file).exports;
}

/** The same, saying whether V8 took the cache. */
export function loadWithCodeCache(file: string): { exports: unknown; cacheUsed: boolean } {
  const cachedData = readCache(file);
  const { script, exports } = load(file, cachedData);
  return { exports, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * Build time: loads the file, lets `exercise` call into it (so V8 compiles what a run will need),
 * and writes what V8 compiled to `<file>.cache`.
 */
export async function writeCodeCache(file: string, exercise: (exports: unknown) => void | Promise<void>): Promise<number> {
  const { script, exports } = load(file, undefined);
  await exercise(exports);
  const data = script.createCachedData();
  writeFileSync(`${file}.cache`, data);
  return data.length;
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
}

function load(file: string, cachedData: Buffer | undefined): { script: vm.Script; exports: unknown } {
  // The same wrapper text at build and run time: V8 checks the cache against the source.
  const source = `(function (exports, require, module, __filename, __dirname) {${readText(file)}\n})`;
  const script = new vm.Script(source, { filename: file, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file));
  return { script, exports: module.exports };
}

/** The generated files are ASCII (esbuild and Ajv escape the rest): then no UTF-8 decoding is needed. */
function readText(file: string): string {
  const bytes = readFileSync(file);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}
