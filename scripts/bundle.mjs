// Bundles the CLI (tsc's output in dist/) into dist/bundle/: a handful of files instead of some 200
// modules, which is most of a small run's start-up. Each command stays a chunk loaded on demand.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names are content hashes: without a clean start, every build would leave its old chunks behind.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: { main: 'dist/cli/main.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // A native addon cannot be bundled; it is loaded from node_modules when the proxy needs it.
  external: ['better-sqlite3'],
  // CommonJS dependencies inside an ES module bundle still call require().
  banner: { js: "import { createRequire as __rampartRequire } from 'node:module'; const require = __rampartRequire(import.meta.url);" },
  legalComments: 'none',
  // Whitespace and syntax only (names stay, for stack traces): a fifth less to parse at every start.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
