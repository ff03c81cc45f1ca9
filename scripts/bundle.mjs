// Bundles the CLI (tsc's output in dist/) into one CommonJS file, dist/bundle/rampart.cjs, and
// writes V8's code cache for it after it has linted sample documents. A run then neither resolves
// some 200 modules nor parses and compiles the functions a lint reaches: the cache holds their
// bytecode. ES modules cannot take a code cache on Node 20 (vm.Script, which can, runs scripts),
// hence CommonJS. Commands other than lint still load from the same file and compile as they run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sampleDocuments } from './sample-documents.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'dist/bundle/rampart.cjs');
rmSync(path.dirname(outfile), { recursive: true, force: true });

await build({
  entryPoints: [path.join(root, 'dist/cli/main.js')],
  outfile,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Loaded from node_modules when a command needs them: a native addon cannot be bundled, and the
  // proxy's HTTP client and the scanner's generators are two fifths of the code, which every run
  // would otherwise read and hash for its code cache.
  external: ['better-sqlite3', 'undici', 'fast-check'],
  // The modules find package files from their own URL (core/package-root.ts): the bundle's own.
  define: { 'import.meta.url': '__rampartModuleUrl' },
  banner: { js: "var __rampartModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  // Whitespace and syntax only (names stay, for stack traces): less to read at every start.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

// The samples a user can lint too, in each format the loader reads differently (YAML, JSON,
// Swagger 2.0), through the reporters CI uses most.
const { tuneV8ForBatchRun, writeCodeCache } = await import(path.join(root, 'dist/core/code-cache.js'));
// The cache is for lint runs, which bin/rampart.js starts under these settings (cli/bundle-loader.ts).
tuneV8ForBatchRun();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'rampart-bundle-'));
try {
  const bookstore = path.join(root, 'examples/bookstore/openapi.yaml');
  const samples = sampleDocuments(root);
  const asJson = path.join(scratch, 'openapi.json');
  writeFileSync(asJson, JSON.stringify(samples['oas3.1'][0]));
  const swagger = path.join(scratch, 'swagger.json');
  writeFileSync(swagger, JSON.stringify(samples.oas2[0]));
  const runs = [
    ['lint', bookstore],
    ['lint', bookstore, '--format', 'json'],
    ['lint', asJson, '--format', 'json'],
    ['lint', swagger, '--format', 'sarif'],
  ];
  const size = await writeCodeCache(outfile, async ({ runCli }) => {
    const io = { cwd: root, stdout: () => {}, stdoutBytes: () => {}, stderr: () => {}, isTTY: false, env: {} };
    for (const argv of runs) {
      const exitCode = await runCli(argv, io);
      if (exitCode > 1) throw new Error(`bundle: rampart ${argv.join(' ')} exited with ${exitCode}`);
    }
  });
  console.log(`bundle: dist/bundle/rampart.cjs, code cache ${Math.round(size / 1024)} KiB`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
