#!/usr/bin/env node
// Discover benchmark: throughput and peak RSS of `rampart discover` on a large generated HAR
// (≥ 1 GB of exchanges with bodies, written to the temp folder, never committed), and Rampart
// against har-to-openapi on a HAR small enough for har-to-openapi (it parses the whole file).
//
//   npm run bench:discover -- [--mb 1024] [--small-mb 20] [--skip-peers] [--keep]
//
// Prints a Markdown table and writes bench/results/discover-<date>.md and .json (git-ignored).
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { REPO_ROOT } from './manifest.mjs';
import { measure } from './measure.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const bigMb = option('mb', 1024);
const smallMb = option('small-mb', 20);
const skipPeers = args.includes('--skip-peers');
const keep = args.includes('--keep');
const log = (message) => process.stderr.write(`${message}\n`);
if (!existsSync(path.join(REPO_ROOT, 'dist/cli/main.js'))) {
  log('bench: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-discover-'));
const MAIN = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');
/** The CLI in-process, then its own CPU time and peak RSS on stderr: exact even on a busy machine. */
const USAGE = `const u = process.resourceUsage(); process.stderr.write('BENCH-USAGE ' + JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS }) + '\\n');`;
const rampartArgs = (cliArgs) => ['--input-type=module', '-e', `import { runCli } from ${JSON.stringify(MAIN)}; process.exitCode = await runCli(${JSON.stringify(cliArgs)}); ${USAGE}`];
const usageOf = (result) => {
  const line = /BENCH-USAGE (\{.*\})/.exec(result.stderr);
  return line ? JSON.parse(line[1]) : {};
};

/** One HAR entry with realistic headers and a JSON response of ~`bodyBytes`. */
function entry(k, bodyBytes) {
  const kind = k % 10;
  let url;
  if (kind < 4) url = `https://api.bench.test/v1/users/${100000 + (k % 1_000_003)}`;
  else if (kind < 6) url = `https://api.bench.test/v1/orders/${randomUUID()}/items`;
  else if (kind < 8) url = `https://api.bench.test/v1/products?category=c${k % 7}&page=${k % 50}`;
  else if (kind === 8) url = `https://api.bench.test/v1/users/${100000 + (k % 999)}/orders`;
  else url = 'https://api.bench.test/v1/users/me';
  const items = [];
  let size = 0;
  for (let n = 0; size < bodyBytes; n++) {
    const item = { id: k * 100 + n, name: `item ${n}`, email: `u${n}@example.test`, price: n * 1.5, created: '2026-01-02T03:04:05Z', tags: ['a', 'b'] };
    items.push(item);
    size += 110;
  }
  const text = JSON.stringify({ page: k % 50, items });
  return {
    startedDateTime: new Date(1767322800000 + k * 10).toISOString(),
    time: 5 + (k % 200),
    request: {
      method: kind === 5 ? 'POST' : 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Accept', value: 'application/json' },
        { name: 'Authorization', value: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMiLCJleHAiOjE5OTk5OTk5OTl9.c2lnbmF0dXJlc2lnbmF0dXJl' },
        { name: 'User-Agent', value: 'bench/1.0' },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: kind === 5 ? 40 : 0,
      ...(kind === 5 ? { postData: { mimeType: 'application/json', text: JSON.stringify({ sku: `s${k}`, quantity: 1 }) } } : {}),
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      cookies: [],
      content: { size: text.length, mimeType: 'application/json', text },
      redirectURL: '',
      headersSize: -1,
      bodySize: text.length,
    },
    cache: {},
    timings: { send: 0, wait: 5, receive: 0 },
  };
}

async function generate(file, megabytes, bodyBytes) {
  const out = createWriteStream(file);
  const target = megabytes * 1024 * 1024;
  let written = 0;
  let count = 0;
  const write = async (text) => {
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('{"log":{"version":"1.2","creator":{"name":"rampart-bench","version":"1"},"entries":[\n');
  while (written < target) {
    await write((count > 0 ? ',\n' : '') + JSON.stringify(entry(count, bodyBytes)));
    count++;
  }
  await write('\n]}}\n');
  out.end();
  await once(out, 'finish');
  return { count, bytes: statSync(file).size };
}

const rows = [];
const record = (tool, input, exchanges, bytes, result) => {
  const seconds = result.ms / 1000;
  const usage = usageOf(result);
  const cpuSeconds = usage.cpuMs / 1000;
  const rssMb = Math.round((usage.maxRssKb ?? result.maxRssKb ?? result.treeRssKb ?? 0) / 1024);
  rows.push({
    tool, input, exchanges, mb: Math.round(bytes / 1048576),
    seconds: Number(seconds.toFixed(2)), cpuSeconds: Number(cpuSeconds.toFixed(2)),
    exchangesPerCpuSecond: Math.round(exchanges / cpuSeconds), mbPerCpuSecond: Number((bytes / 1048576 / cpuSeconds).toFixed(1)),
    exchangesPerSecond: Math.round(exchanges / seconds), peakRssMb: rssMb, exit: result.exitCode, timedOut: result.timedOut, loadAverage: os.loadavg()[0],
  });
  log(`bench: ${tool} on ${input}: ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU, ${Math.round(exchanges / cpuSeconds)} exchanges/CPU-s, peak RSS ${rssMb} MB, exit ${result.exitCode}`);
};

try {
  const small = path.join(dir, 'small.har');
  log(`bench: generating ${smallMb} MB HAR`);
  const smallInfo = await generate(small, smallMb, 2000);
  const rampartSmall = await measure(process.execPath, rampartArgs(['discover', small, '--format', 'json:' + path.join(dir, 'small.json'), '--openapi', path.join(dir, 'small.yaml')]), { cwd: REPO_ROOT });
  record('rampart discover', `small (${smallMb} MB)`, smallInfo.count, smallInfo.bytes, rampartSmall);
  if (!skipPeers) {
    const script = `import { readFileSync } from 'node:fs'; import { generateSpec } from 'har-to-openapi';
      const har = JSON.parse(readFileSync(${JSON.stringify(small)}, 'utf8'));
      const { spec } = await generateSpec(har, { attemptToParameterizeUrl: true });
      console.log(Object.keys(spec.paths).length); ${USAGE}`;
    const peer = await measure(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, timeoutMs: 1_800_000 });
    record('har-to-openapi 2.0 (attemptToParameterizeUrl)', `small (${smallMb} MB)`, smallInfo.count, smallInfo.bytes, peer);
    rows[rows.length - 1].paths = Number(peer.stdout.trim()) || undefined;
  }
  const big = path.join(dir, 'big.har');
  log(`bench: generating ${bigMb} MB HAR in ${dir}`);
  const bigInfo = await generate(big, bigMb, 8000);
  const rampartBig = await measure(process.execPath, rampartArgs(['discover', big, '--format', 'json:' + path.join(dir, 'big.json')]), { cwd: REPO_ROOT, timeoutMs: 3_600_000 });
  record('rampart discover', `large (${Math.round(bigInfo.bytes / 1048576)} MB)`, bigInfo.count, bigInfo.bytes, rampartBig);
  if (rampartBig.exitCode === 2 || rampartBig.exitCode === 3) log(rampartBig.stderr);

  const table = [
    '| tool | input | exchanges | MB | wall s | CPU s | exchanges/CPU-s | MB/CPU-s | peak RSS MB | exit |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((row) => `| ${row.tool} | ${row.input} | ${row.exchanges} | ${row.mb} | ${row.seconds} | ${row.cpuSeconds} | ${row.exchangesPerCpuSecond} | ${row.mbPerCpuSecond} | ${row.peakRssMb} | ${row.timedOut ? 'timeout' : row.exit} |`),
  ].join('\n');
  process.stdout.write(`${table}\n`);
  const results = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(path.join(results, `discover-${stamp}.md`), `# rampart discover benchmark\n\nnode ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)} (wall times depend on it; CPU seconds much less)\n\n${table}\n`);
  writeFileSync(path.join(results, `discover-${stamp}.json`), JSON.stringify({ node: process.version, rows }, null, 2));
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
  else log(`bench: kept ${dir}`);
}
