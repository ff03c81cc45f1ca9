import { loadWithCodeCache, tuneV8ForBatchRun } from '../core/code-cache.js';
import type { runCli as RunCli, setUserModuleImporter as SetUserModuleImporter } from './main.js';

/** Commands that run for about a second and end: they get the batch V8 settings and the code cache. */
const BATCH_COMMANDS: ReadonlySet<string> = new Set(['lint', 'score', 'diff']);

/**
 * Loads the bundled CLI (dist/bundle/rampart.cjs) for a run of `argv`, with the V8 code cache the
 * build wrote after linting samples. Only a batch command tunes V8 as the build did, so only it
 * can use the cache; the proxy and the scanner keep V8's defaults and compile as they run.
 */
export function loadBundledCli(bundle: string, argv: readonly string[]): { runCli: typeof RunCli; cacheUsed: boolean } {
  const command = argv.find((arg) => !arg.startsWith('-'));
  if (command !== undefined && BATCH_COMMANDS.has(command)) tuneV8ForBatchRun();
  const { exports, cacheUsed } = loadWithCodeCache(bundle);
  const cli = exports as { runCli: typeof RunCli; setUserModuleImporter: typeof SetUserModuleImporter };
  // The bundle runs without a dynamic import of its own (core/user-module.ts): lend it this module's.
  cli.setUserModuleImporter((url) => import(url));
  return { runCli: cli.runCli, cacheUsed };
}
