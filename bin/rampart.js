#!/usr/bin/env node
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The bundled CLI (dist/bundle/rampart.cjs, made by `npm run build`) loads with V8's code cache of
// a lint run, at about two thirds of the start-up of tsc's ~200 modules. It is used only when built
// after them, so a plain `tsc` rebuild is never shadowed.
const file = (relative) => fileURLToPath(new URL(relative, import.meta.url));
const built = (relative) => statSync(file(relative), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const argv = process.argv.slice(2);
let runCli;
if (built('../dist/bundle/rampart.cjs') >= built('../dist/cli/main.js')) {
  const { loadBundledCli } = await import('../dist/cli/bundle-loader.js');
  ({ runCli } = loadBundledCli(file('../dist/bundle/rampart.cjs'), argv));
} else {
  ({ runCli } = await import('../dist/cli/main.js'));
}

const exitCode = await runCli(argv);
// A report lost to a failing standard output (a full disk) has already set exit code 2 (cli/io.ts).
process.exitCode ??= exitCode;
