#!/usr/bin/env node
// Lint benchmark: Rampart against Spectral (spectral:oas) and Redocly (recommended) on the corpus,
// each as a whole process, interleaved in one run so that machine noise hits all three alike.
//
//   npm run bench -- [--runs N] [--only name,name] [--skip-peers] [--no-build] [--timeout SECONDS]
//
// Prints a Markdown table and writes bench/results/lint-<date>.md and .json (git-ignored).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CORPUS_DIR, REPO_ROOT, readManifest } from './manifest.mjs';
import { measure } from './measure.mjs';

const options = parseArgs(process.argv.slice(2));
const log = (message) => process.stderr.write(`${message}\n`);

const manifest = readManifest();
if (!manifest) {
  log(`bench: no corpus at ${CORPUS_DIR} (expected ../shared/corpus/MANIFEST.md next to the repository); nothing to measure.`);
  process.exit(0);
}
const documents = options.only ? manifest.filter((document) => options.only.includes(document.name)) : manifest;
const unknown = (options.only ?? []).filter((name) => !manifest.some((document) => document.name === name));
if (unknown.length > 0) {
  log(`bench: unknown document(s) ${unknown.join(', ')}; the corpus has: ${manifest.map((document) => document.name).join(', ')}`);
  process.exit(2);
}

if (options.build) {
  log('bench: npm run build');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) {
    log('bench: the build failed; fix it or run with --no-build to measure the existing dist/.');
    process.exit(1);
  }
} else if (!existsSync(path.join(REPO_ROOT, 'dist/cli/main.js'))) {
  log('bench: dist/ is missing; run `npm run build` first (or drop --no-build).');
  process.exit(1);
}

const configDir = mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-config-'));
// Measure a private copy of the built CLI: others may rebuild dist/ while a long run goes on.
const snapshot = path.join(configDir, 'rampart');
// Timestamps kept: bin/rampart.js runs the bundle only when it is newer than tsc's output, and a
// copy made in directory order would leave dist/cli newer than dist/bundle (the unbundled CLI).
for (const part of ['dist', 'bin', 'package.json']) cpSync(path.join(REPO_ROOT, part), path.join(snapshot, part), { recursive: true, preserveTimestamps: true });
symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(snapshot, 'node_modules'), 'dir');
{
  // What users run: the bundle (bin/rampart.js falls back to tsc's output when that is newer).
  const mtime = (file) => statSync(path.join(snapshot, 'dist', file), { throwIfNoEntry: false })?.mtimeMs ?? -1;
  if (mtime('bundle/rampart.cjs') < mtime('cli/main.js')) {
    log('bench: dist/bundle is older than dist/cli (a bare `tsc` since the last build?); run `npm run build` (or drop --no-build).');
    rmSync(configDir, { recursive: true, force: true });
    process.exit(1);
  }
}
const spectralRuleset = path.join(configDir, '.spectral.yaml');
const redoclyConfig = path.join(configDir, 'redocly.yaml');
writeFileSync(spectralRuleset, 'extends: ["spectral:oas"]\n');
writeFileSync(redoclyConfig, 'extends:\n  - recommended\n');
const bin = (name) => path.join(REPO_ROOT, 'node_modules/.bin', name);

/** Each tool: how to run it on a document and how to count the findings in its JSON output. */
const TOOLS = [
  {
    name: 'rampart',
    label: 'Rampart (default rules)',
    command: (file) => [process.execPath, [path.join(snapshot, 'bin/rampart.js'), 'lint', file, '--format', 'json']],
    okExit: [0, 1],
    count: (stdout) => JSON.parse(stdout).findings.filter((finding) => !finding.suppressed).length,
  },
  {
    name: 'spectral',
    label: 'Spectral (spectral:oas)',
    peer: true,
    command: (file) => [bin('spectral'), ['lint', '-r', spectralRuleset, '-f', 'json', file]],
    okExit: [0, 1],
    count: (stdout) => JSON.parse(stdout).length,
  },
  {
    name: 'redocly',
    label: 'Redocly (recommended)',
    peer: true,
    command: (file) => [bin('redocly'), ['lint', '--config', redoclyConfig, '--format', 'json', file]],
    env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    okExit: [0, 1],
    count: (stdout) => {
      const report = JSON.parse(stdout);
      return report.totals.errors + report.totals.warnings;
    },
  },
];
const tools = TOOLS.filter((tool) => !(options.skipPeers && tool.peer));
for (const tool of tools) {
  const [command] = tool.command('x');
  if (!existsSync(command)) {
    log(`bench: ${tool.name} is not installed (${command}); run npm ci.`);
    process.exit(1);
  }
}

if (process.env.NODE_EXTRA_CA_CERTS) {
  // Node reads and parses that file before any JavaScript runs (about 40 ms on the 2-core machine
  // of the README's table): every tool pays it on every run, which narrows the ratios of short runs.
  log(`bench: note: NODE_EXTRA_CA_CERTS is set (${process.env.NODE_EXTRA_CA_CERTS}); each tool's Node start-up reads it.`);
}
const startedAt = new Date();
const results = [];
try {
  for (const document of documents) {
    if (!existsSync(document.file)) {
      log(`bench: ${document.name}: ${document.file} is missing, skipped`);
      continue;
    }
    const entry = { document, tools: Object.fromEntries(tools.map((tool) => [tool.name, { runs: [], failures: [] }])) };
    results.push(entry);
    // Run 0 is the warm-up (file cache, V8 code cache); the tools take turns within every round.
    for (let round = 0; round <= options.runs; round++) {
      for (const tool of tools) {
        const [command, args] = tool.command(document.file);
        const run = await measure(command, args, { cwd: REPO_ROOT, env: tool.env, timeoutMs: options.timeoutMs });
        const outcome = interpret(tool, run);
        log(`bench: ${document.name} ${tool.name} ${round === 0 ? 'warm-up' : `run ${round}/${options.runs}`}: ${describe(run, outcome)}`);
        if (round === 0) continue;
        if (outcome.error) entry.tools[tool.name].failures.push(outcome.error);
        else entry.tools[tool.name].runs.push({ ms: run.ms, treeRssKb: run.treeRssKb, maxRssKb: run.maxRssKb, exitCode: run.exitCode, findings: outcome.findings });
      }
    }
  }
} finally {
  rmSync(configDir, { recursive: true, force: true });
}

const summary = results.map(({ document, tools: measured }) => ({
  name: document.name,
  version: document.version,
  bytes: document.bytes,
  ops: document.ops,
  tools: Object.fromEntries(
    Object.entries(measured).map(([name, { runs, failures }]) => [
      name,
      runs.length === 0
        ? { failed: failures[0] ?? 'no run' }
        : {
            medianMs: median(runs.map((run) => run.ms)),
            medianTreeRssKb: median(runs.map((run) => run.treeRssKb ?? run.maxRssKb ?? 0)),
            medianMaxRssKb: median(runs.map((run) => run.maxRssKb ?? 0)),
            findings: runs.at(-1).findings,
            runs,
            failures,
          },
    ]),
  ),
}));

const markdown = renderMarkdown(summary);
process.stdout.write(`${markdown}\n`);
const resultsDir = path.join(REPO_ROOT, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const stamp = startedAt.toISOString().replace(/:/g, '-').replace(/\..*$/, '');
const meta = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  loadAverage: os.loadavg(),
  runs: options.runs,
  warmUps: 1,
};
writeFileSync(path.join(resultsDir, `lint-${stamp}.md`), `${header(meta)}\n${markdown}\n`);
writeFileSync(path.join(resultsDir, `lint-${stamp}.json`), `${JSON.stringify({ ...meta, documents: summary }, null, 2)}\n`);
log(`bench: wrote bench/results/lint-${stamp}.md and .json`);

function interpret(tool, run) {
  if (run.timedOut) return { error: `timed out after ${options.timeoutMs / 1000} s` };
  if (!tool.okExit.includes(run.exitCode)) return { error: `exit ${run.exitCode}: ${firstLine(run.stderr) || firstLine(run.stdout)}` };
  try {
    return { findings: tool.count(run.stdout) };
  } catch (error) {
    return { error: `unreadable JSON output (${error.message}): ${firstLine(run.stderr)}` };
  }
}

function describe(run, outcome) {
  const memory = run.treeRssKb ?? run.maxRssKb;
  return `${seconds(run.ms)}, ${memory ? mib(memory) : '? MiB'}, ${outcome.error ? `FAILED (${outcome.error})` : `${outcome.findings} findings`}`;
}

function header(meta) {
  return [
    `# Lint benchmark, ${meta.startedAt}`,
    '',
    `Node ${meta.node}, ${meta.cpus} CPUs (${meta.cpuModel}), load average at the end ${meta.loadAverage.map((load) => load.toFixed(2)).join(' / ')}.`,
    `Median of ${meta.runs} run(s) after ${meta.warmUps} warm-up; whole-process wall time, peak RSS of the whole process tree, findings reported.`,
    '',
  ].join('\n');
}

function renderMarkdown(rows) {
  const names = tools.map((tool) => tool.name);
  const peers = names.filter((name) => name !== 'rampart');
  const head = ['document', 'version', 'size', 'ops', ...tools.map((tool) => tool.label)];
  for (const peer of peers) head.push(`${capitalise(peer)}/Rampart time`);
  for (const peer of peers) head.push(`${capitalise(peer)}/Rampart memory`);
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`];
  const ratios = Object.fromEntries(peers.flatMap((peer) => [[`${peer}-time`, []], [`${peer}-memory`, []]]));
  for (const row of rows) {
    const cells = [row.name, row.version, bytes(row.bytes), String(row.ops)];
    for (const name of names) {
      const result = row.tools[name];
      cells.push(result.failed ? `failed: ${result.failed.slice(0, 80)}` : `${seconds(result.medianMs)} / ${mib(result.medianTreeRssKb)} / ${result.findings}`);
    }
    const mine = row.tools.rampart;
    for (const kind of ['time', 'memory']) {
      for (const peer of peers) {
        const theirs = row.tools[peer];
        if (!mine || mine.failed || theirs.failed) {
          cells.push('–');
          continue;
        }
        const ratio = kind === 'time' ? theirs.medianMs / mine.medianMs : theirs.medianTreeRssKb / mine.medianTreeRssKb;
        ratios[`${peer}-${kind}`].push({ ratio, bytes: row.bytes });
        cells.push(`${ratio.toFixed(1)}×`);
      }
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (peers.length > 0 && rows.length > 1) {
    for (const [label, filter] of [
      ['geometric mean, all documents', () => true],
      ['geometric mean, documents over 1 MB', (entry) => entry.bytes > 1_000_000],
    ]) {
      const cells = [`**${label}**`, '', '', '', ...names.map(() => '')];
      for (const kind of ['time', 'memory']) {
        for (const peer of peers) {
          const selected = ratios[`${peer}-${kind}`].filter(filter);
          cells.push(selected.length ? `**${geometricMean(selected.map((entry) => entry.ratio)).toFixed(1)}×**` : '–');
        }
      }
      lines.push(`| ${cells.join(' | ')} |`);
    }
  }
  lines.push('', 'Each tool cell: median wall time / median peak RSS of the process tree / findings reported.');
  return lines.join('\n');
}

function parseArgs(argv) {
  const parsed = { runs: 3, only: undefined, skipPeers: false, build: true, timeoutMs: 900_000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) usage(`${arg} needs a value`);
      return next;
    };
    if (arg === '--runs') parsed.runs = positiveInteger(value(), arg);
    else if (arg.startsWith('--runs=')) parsed.runs = positiveInteger(arg.slice(7), '--runs');
    else if (arg === '--only') parsed.only = value().split(',').filter(Boolean);
    else if (arg.startsWith('--only=')) parsed.only = arg.slice(7).split(',').filter(Boolean);
    else if (arg === '--skip-peers') parsed.skipPeers = true;
    else if (arg === '--no-build') parsed.build = false;
    else if (arg === '--timeout') parsed.timeoutMs = positiveInteger(value(), arg) * 1000;
    else if (arg === '--help' || arg === '-h') usage();
    else usage(`unknown option ${arg}`);
  }
  return parsed;
}

function positiveInteger(text, flag) {
  const number = Number(text);
  if (!Number.isInteger(number) || number < 1) usage(`${flag} expects a whole number ≥ 1, got "${text}"`);
  return number;
}

function usage(problem) {
  if (problem) process.stderr.write(`bench: ${problem}\n`);
  process.stderr.write('usage: node bench/lint.mjs [--runs N] [--only name,name] [--skip-peers] [--no-build] [--timeout SECONDS]\n');
  process.exit(problem ? 2 : 0);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function geometricMean(values) {
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}

function firstLine(text) {
  return text.split('\n').map((line) => line.trim()).find((line) => line && !/^[╔║╚]/.test(line)) ?? '';
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}

function mib(kb) {
  return `${Math.round(kb / 1024)} MiB`;
}

function bytes(count) {
  return count >= 1_000_000 ? `${(count / 1_000_000).toFixed(2)} MB` : `${(count / 1000).toFixed(1)} kB`;
}

function capitalise(text) {
  return text[0].toUpperCase() + text.slice(1);
}
