#!/usr/bin/env node
import { statSync } from 'node:fs';

// The bundled CLI (dist/bundle, made by `npm run build`) starts in half the time of tsc's ~200
// modules. It is used only when built after them, so a plain `tsc` rebuild is never shadowed.
const built = (file) => statSync(new URL(file, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? -1;
const bundled = built('../dist/bundle/main.js') >= built('../dist/cli/main.js');
const { runCli } = await import(bundled ? '../dist/bundle/main.js' : '../dist/cli/main.js');

process.exitCode = await runCli(process.argv.slice(2));
