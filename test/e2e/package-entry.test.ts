import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { builtPackageRoot, REPO, useFreshCli } from './golden.js';

let cleanup = () => {};
before(() => {
  cleanup = useFreshCli();
});
after(() => cleanup());

/** Runs an ES module inside the built package, so that `import … from 'rampart'` resolves through package.json "exports". */
function runInPackage(source: string): unknown {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', source], { cwd: builtPackageRoot(), encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  assert.equal(result.stderr, '');
  assert.equal(result.status, 0);
  return JSON.parse(result.stdout);
}

test("import { lint } from 'rampart' lints the bookstore example", () => {
  const bookstore = path.join(REPO, 'examples', 'bookstore');
  const output = runInPackage(`
    import { lint, reporters, runCli, RampartError } from 'rampart';
    const result = await lint('openapi.yaml', { cwd: ${JSON.stringify(bookstore)} });
    const brief = (f) => ({ ruleId: f.ruleId, severity: f.severity, file: f.location.file, line: f.location.line, column: f.location.column });
    console.log(JSON.stringify({
      exports: [typeof lint, typeof reporters.json, typeof runCli, typeof RampartError],
      entry: import.meta.resolve('rampart').replace(/^.*\\/(dist\\/)/, '$1'),
      documents: result.documents,
      errors: result.errors.map((error) => error.toOneLine()),
      findings: result.findings.map(brief),
    }));
  `) as { exports: string[]; entry: string; documents: unknown; errors: string[]; findings: unknown[] };
  assert.deepEqual(output.exports, ['function', 'function', 'function', 'function']);
  assert.equal(output.entry, 'dist/index.js');
  assert.deepEqual(output.documents, [{ file: 'openapi.yaml', format: 'oas3.0', version: '3.0.3', files: 2 }]);
  assert.deepEqual(output.errors, []);
  // The default rulesets grow; these two findings are the example's reason to exist.
  for (const expected of [
    { ruleId: 'path-keys-no-trailing-slash', severity: 'warning', file: 'openapi.yaml', line: 47, column: 3 },
    { ruleId: 'operation-operationId-unique', severity: 'error', file: 'openapi.yaml', line: 70, column: 20 },
  ]) {
    assert.ok(output.findings.some((finding) => JSON.stringify(finding) === JSON.stringify(expected)), `missing ${JSON.stringify(expected)}`);
  }
});

test('the built CLI loads from its bundle, with the code cache for the commands it was written for', { skip: process.env.RAMPART_TEST_BUILT !== '1' && 'needs `npm run build` (npm test runs it)' }, () => {
  // Each in a fresh process: V8 keeps compilations in memory, which would hide the cache.
  const load = (argv: string[]) =>
    runInPackage(`
      import { loadBundledCli } from './dist/cli/bundle-loader.js';
      import { loadWithCodeCache } from './dist/core/code-cache.js';
      const { runCli, cacheUsed } = loadBundledCli(process.cwd() + '/dist/bundle/rampart.cjs', ${JSON.stringify(argv)});
      // The official-schema validators a lint loads, under the same V8 settings.
      const validators = ['openapi-oas3.0', 'config'].every((name) => loadWithCodeCache(process.cwd() + '/dist/generated/' + name + '.cjs').cacheUsed);
      console.log(JSON.stringify({ runCli: typeof runCli, cacheUsed, validators }));
    `);
  for (const argv of [['lint', 'openapi.yaml'], ['--quiet', 'score', 'openapi.yaml'], ['diff', 'a.yaml', 'b.yaml']]) {
    assert.deepEqual(load(argv), { runCli: 'function', cacheUsed: true, validators: true }, argv.join(' '));
  }
  // The long-running commands keep V8's defaults, under which the caches do not apply.
  assert.deepEqual(load(['proxy', '--target', 'http://127.0.0.1:1']), { runCli: 'function', cacheUsed: false, validators: false });
});

test('a lint with a configuration file loads no Ajv: the build precompiled its validator', { skip: process.env.RAMPART_TEST_BUILT !== '1' && 'needs `npm run build` (npm test runs it)' }, () => {
  const result = runInPackage(`
    import { createRequire } from 'node:module';
    import { mkdtempSync, writeFileSync } from 'node:fs';
    import { tmpdir } from 'node:os';
    import path from 'node:path';
    import { loadBundledCli } from './dist/cli/bundle-loader.js';
    const dir = mkdtempSync(path.join(tmpdir(), 'rampart-config-'));
    writeFileSync(path.join(dir, 'rampart.yaml'), 'rules:\\n  operation-tags: warning\\n');
    const { runCli } = loadBundledCli(process.cwd() + '/dist/bundle/rampart.cjs', ['lint']);
    let stderr = '';
    const io = { cwd: dir, stdout: () => {}, stderr: (text) => (stderr += text), isTTY: false, env: {} };
    const code = await runCli(['lint', process.cwd() + '/examples/bookstore/openapi.yaml', '--format', 'json'], io);
    const ajvLoaded = Object.keys(createRequire(import.meta.url).cache).some((file) => /[\\/]ajv[\\/]dist[\\/](ajv|core)\\.js$/.test(file));
    console.log(JSON.stringify({ code, stderr, ajvLoaded }));
  `);
  assert.deepEqual(result, { code: 1, stderr: '', ajvLoaded: false });
});

test('the bundled CLI runs a ruleset’s custom functions, ES module and CommonJS', { skip: process.env.RAMPART_TEST_BUILT !== '1' && 'needs `npm run build` (npm test runs it)' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-functions-'));
  mkdirSync(path.join(dir, 'functions'));
  writeFileSync(path.join(dir, 'openapi.yaml'), "openapi: 3.0.3\ninfo:\n  title: pets\n  version: '1'\npaths: {}\n");
  writeFileSync(
    path.join(dir, 'ruleset.yaml'),
    'functions: [upper, short]\nrules:\n  title-upper:\n    given: $.info.title\n    then: { function: upper }\n  title-short:\n    severity: error\n    given: $.info.title\n    then: { function: short, functionOptions: { max: 3 } }\n',
  );
  writeFileSync(path.join(dir, 'functions/upper.mjs'), "export default (input) => /^[A-Z]/.test(input) ? [] : [{ message: 'title starts in lower case' }];\n");
  writeFileSync(path.join(dir, 'functions/short.cjs'), "module.exports = (input, options) => input.length > options.max ? [{ message: 'title longer than ' + options.max }] : [];\n");
  const bundle = statSync(path.join(builtPackageRoot(), 'dist/bundle/rampart.cjs')).mtimeMs;
  assert.ok(bundle >= statSync(path.join(builtPackageRoot(), 'dist/cli/main.js')).mtimeMs, 'bin/rampart.js runs the bundle');
  const result = spawnSync(process.execPath, [path.join(builtPackageRoot(), 'bin/rampart.js'), 'lint', '-r', 'ruleset.yaml', '--allow-custom-functions', '-f', 'json', 'openapi.yaml'], { cwd: dir, encoding: 'utf8' });
  assert.equal(result.stderr, '');
  assert.equal(result.status, 1);
  const findings = (JSON.parse(result.stdout) as { findings: { ruleId: string; message: string; severity: string }[] }).findings;
  assert.deepEqual(
    findings.map((finding) => [finding.ruleId, finding.severity, finding.message]),
    [
      ['title-short', 'error', 'title longer than 3'],
      ['title-upper', 'warning', 'title starts in lower case'],
    ],
  );
});
