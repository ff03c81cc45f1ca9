#!/usr/bin/env node
/**
 * `npm run bench:diff`: whole-process timings of `rampart diff` on corpus documents against a
 * realistic next version of themselves (bench/diff-revisions.mjs), and on the largest documents
 * against themselves. Checks that every derived edit is reported. Target: the largest corpus
 * document (stripe, 4 MB) diffed in under 2 s, whole process.
 *
 *   node bench/diff.mjs [--runs N] [--only name,name] [--cli path/to/rampart.js]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump, load } from 'js-yaml';
import { checkExpected, deriveRevision } from './diff-revisions.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus');
const argv = process.argv.slice(2);
const CLI = argv.includes('--cli') ? path.resolve(argv[argv.indexOf('--cli') + 1]) : path.join(REPO, 'bin', 'rampart.js');
const TARGET_MS = 2000;

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) > 0 && args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;

const DOCUMENTS = [
  ['petstore', 'petstore/petstore.yaml'],
  ['crapi', 'crapi/crapi-openapi-spec.json'],
  ['adyen-checkout', 'adyen-checkout/CheckoutService-v71.json'],
  ['xero-accounting', 'xero-accounting/xero_accounting.yaml'],
  ['slack-web', 'slack-web/slack_web_openapi_v2.json'],
  ['box', 'box/openapi.json'],
  ['twilio-api-v2010', 'twilio-api-v2010/twilio_api_v2010.json'],
  ['pagerduty-rest', 'pagerduty-rest/openapiv3.json'],
  ['openai', 'openai/openapi.yaml'],
  ['plaid', 'plaid/2020-09-14.yml'],
  ['asana', 'asana/asana_oas.yaml'],
  ['kubernetes', 'kubernetes/swagger.json'],
  ['stripe', 'stripe/spec3.yaml'],
];
/** Multi-file: compared with itself only (its operations live in other files). */
const SELF_ONLY = [['digitalocean', 'digitalocean/specification/DigitalOcean-public.v2.yaml']];

if (!existsSync(CORPUS)) {
  console.log(`corpus not found at ${CORPUS}: nothing to measure`);
  process.exit(0);
}
if (!existsSync(CLI) || (!argv.includes('--cli') && !existsSync(path.join(REPO, 'dist', 'cli', 'diff.js')))) {
  console.error('dist/ is not built: run `npx tsc -p .` first');
  process.exit(2);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'rampart-bench-diff-'));
const rows = [];
try {
  for (const [name, relative] of DOCUMENTS) {
    if (only && !only.includes(name)) continue;
    const base = path.join(CORPUS, relative);
    const text = readFileSync(base, 'utf8');
    const json = /\.json$/.test(base);
    const value = json ? JSON.parse(text) : load(text);
    const { value: next, expected } = deriveRevision(value);
    const revision = path.join(scratch, `${name}-revision${path.extname(base)}`);
    writeFileSync(revision, json ? JSON.stringify(next, null, 2) : dump(next, { lineWidth: -1 }));
    rows.push(measure(name, base, revision, expected, 'derived'));
    if (name === 'stripe' || name === 'kubernetes') rows.push(measure(name, base, base, [], 'itself'));
  }
  for (const [name, relative] of SELF_ONLY) {
    if (only && !only.includes(name)) continue;
    rows.push(measure(name, path.join(CORPUS, relative), path.join(CORPUS, relative), [], 'itself'));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`\nrampart diff, whole process (node ${process.version}, ${runs} runs each, median and min wall time)\n`);
console.log('| document | size | against | edits found | breaking | warning | info | median ms | min ms |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  console.log(`| ${row.name} | ${(row.bytes / 1e6).toFixed(2)} MB | ${row.against} | ${row.found}/${row.expected} | ${row.levels.breaking} | ${row.levels.warning} | ${row.levels.info} | ${row.median} | ${row.min} |`);
}
const largest = rows.find((row) => row.name === 'stripe' && row.against === 'derived');
if (largest) console.log(`\nlargest document (stripe, derived revision): median ${largest.median} ms, target < ${TARGET_MS} ms: ${largest.median < TARGET_MS ? 'met' : 'NOT met'}`);
const missed = rows.flatMap((row) => row.missing.map((m) => `${row.name}: ${m.id} at ${m.operation}`));
if (missed.length > 0) {
  console.log(`\nderived edits not reported:\n${missed.join('\n')}`);
  process.exitCode = 1;
}

function measure(name, base, revision, expected, against) {
  const times = [];
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [CLI, 'diff', base, revision, '--format', 'json', '--fail-on', 'none', '--version-policy', 'off'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0) throw new Error(`${name}: exit ${result.status}: ${result.stderr}`);
    stdout = result.stdout;
  }
  const report = JSON.parse(stdout);
  const checked = checkExpected(report.findings, expected);
  times.sort((a, b) => a - b);
  return {
    name,
    against,
    bytes: statSync(base).size,
    levels: report.changes,
    expected: expected.length,
    found: checked.filter((c) => c.found).length,
    missing: checked.filter((c) => !c.found),
    median: Math.round(times[Math.floor(times.length / 2)]),
    min: Math.round(times[0]),
  };
}
