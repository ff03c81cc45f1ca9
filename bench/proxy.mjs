#!/usr/bin/env node
// Proxy benchmark: what Rampart in front of an API costs, next to the alternatives, in one run.
//
//   npm run bench:proxy -- [--rate 1000] [--seconds 10] [--identities 100000] [--repeat 1] [--skip-nginx] [--no-build]
//
// Rampart runs from a private copy of the built dist/ (what bin/rampart.js runs; `npm run build`
// first unless --no-build), not from src/ under tsx: tsx's helpers (a `__name` call on every closure
// created per request) and its loader thread cost more than some of what is measured.
// Targets, each a separate process on 127.0.0.1: the upstream directly; a bare node:http + undici
// pass-through (keep-alive pool, streamed); nginx as reverse proxy (Debian package, configured
// here in a temp dir; skipped when absent); Rampart with every detector on (monitor mode), the
// contract loaded and the SQLite store writing.
// 1. Constant-rate load (open loop, a Node generator in its own process): latency is measured from
//    each request's scheduled start, so a stall is not hidden (no coordinated omission). Added
//    latency = target p50/p99 − direct p50/p99.
// 2. Peak throughput: wrk (closed loop, 1 thread, 32 connections) when installed, else the Node
//    generator unthrottled, after every target's step 1. The pass-through and Rampart take four
//    adjacent windows in the order A B B A, so a drift in the machine's speed (other tenants of a
//    shared host change it by ±30% within a minute) weighs on both alike. Ratio to the bare
//    pass-through, and the CPU time (all threads) each target's process spent per request
//    meanwhile, which other load on the machine disturbs less.
// 3. Memory: Rampart's detector state, heap in use and RSS after each of three rounds of N requests
//    that each bring a new identity (API key), to show the bound.
// --repeat N runs steps 1 and 2 N times, round-robin over the targets (so a burst of other load on the
// machine hits every target, not one), and reports per target the median of the N runs (added
// latency and the ratio to the pass-through are taken within each run, then the median), with the
// spread (min–max) in a second table. Memory is measured once, after the last run.
// Prints a Markdown table and writes bench/results/proxy-<date>.md and .json (git-ignored).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};
const PEAK_SECONDS = 4;
const MEMORY_ROUNDS = 3;
// Declared before the roles run (main() is awaited at top level): hasWrk() fills it.
let wrkInstalled;
const log = (message) => process.stderr.write(`${message}\n`);

const SPEC = {
  openapi: '3.0.3',
  info: { title: 'bench', version: '1' },
  components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'x-api-key' } } },
  security: [{ key: [] }],
  paths: {
    '/items/{itemId}': {
      get: {
        operationId: 'getItem',
        parameters: [{ name: 'itemId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, name: { type: 'string' }, price: { type: 'number' } } } } } } },
      },
    },
  },
};
const BODY = JSON.stringify({ id: 'itm_1', name: 'A small item with a name', price: 12.5 });

// ---- roles (child processes) ----------------------------------------------------------------
const role = option('role');
if (role === 'upstream') {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
      response.end(BODY);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`READY ${server.address().port}\n`));
} else if (role === 'bare') {
  // The bare pass-through the issue names: a node:http server and an undici client (keep-alive
  // pool), streaming both ways, hop-by-hop headers dropped; nothing else.
  const { Pool } = await import('undici');
  const pool = new Pool(`http://127.0.0.1:${option('upstream')}`, { connections: 512, pipelining: 1 });
  const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'expect', 'host']);
  const server = http.createServer((request, response) => {
    const headers = {};
    for (const name in request.headers) if (!HOP.has(name)) headers[name] = request.headers[name];
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    pool.dispatch({ method: request.method, path: request.url, headers, body: hasBody ? request : null }, {
      onConnect() {},
      onHeaders(status, raw, resume) {
        if (status < 200) return true;
        const out = [];
        for (let k = 0; k < raw.length; k += 2) {
          const name = raw[k].toString('latin1');
          if (!HOP.has(name.toLowerCase())) out.push(name, raw[k + 1].toString('latin1'));
        }
        response.writeHead(status, out);
        response.on('drain', () => resume());
        return true;
      },
      onData: (chunk) => response.write(chunk),
      onComplete: () => response.end(),
      onError() {
        if (!response.headersSent) response.writeHead(502);
        response.end();
      },
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`READY ${server.address().port}\n`));
} else if (role === 'rampart') {
  const dir = option('dir');
  const { startProxy } = await import(path.join(dir, 'rampart', 'dist', 'monitor', 'proxy.js'));
  const proxy = await startProxy({
    upstream: `http://127.0.0.1:${option('upstream')}`,
    listen: '127.0.0.1:0',
    admin: '127.0.0.1:0',
    spec: path.join(dir, 'spec.json'),
    store: path.join(dir, 'rampart.db'),
    defaultMode: 'monitor',
    bflaBaseline: path.join(dir, 'bfla.json'),
    warn: (message) => process.stderr.write(`rampart: ${message}\n`),
  });
  process.stdout.write(`READY ${new URL(proxy.url).port} ${new URL(proxy.adminUrl).port} ${proxy.monitor.running.length}\n`);
} else if (role === 'load') {
  await loadWorker();
} else {
  await main();
}

/** Open-loop constant-rate generator: request k is due at start + k/rate, latency counts from then. */
async function loadWorker() {
  const port = Number(option('port'));
  const rate = Number(option('rate'));
  const seconds = Number(option('seconds'));
  const identities = Number(option('identities', '1000'));
  const offset = Number(option('offset', '0'));
  const unthrottled = rate === 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies = [];
  let errors = 0;
  let sent = 0;
  let done = 0;
  const total = unthrottled ? Infinity : Math.round(rate * seconds);
  const start = performance.now();
  const end = start + seconds * 1000;
  await new Promise((resolve) => {
    const fire = (due) => {
      const k = sent++;
      const request = http.request({ host: '127.0.0.1', port, path: `/items/itm_${k % 500}`, agent, headers: { 'x-api-key': `key-${offset + (k % identities)}` } }, (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode !== 200) errors++;
          latencies.push(performance.now() - due);
          finish();
        });
      });
      request.on('error', () => {
        errors++;
        finish();
      });
      request.end();
    };
    const finish = () => {
      done++;
      if (unthrottled && performance.now() < end) fire(performance.now());
      else if (done >= sent && (unthrottled || sent >= total)) resolve();
    };
    if (unthrottled) {
      for (let c = 0; c < 64; c++) fire(performance.now());
      return;
    }
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - start) / 1000) * rate) + 1);
      while (sent < due) fire(start + (sent / rate) * 1000);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  process.stdout.write(JSON.stringify({ requests: done, errors, seconds: elapsed, rps: done / elapsed, p50: at(0.5), p99: at(0.99), max: at(1) }) + '\n');
  agent.destroy();
}

// ---- orchestration ---------------------------------------------------------------------------
function startRole(name, extra = []) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--role', name, ...extra], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const match = /READY (.*)\n/.exec(text);
      if (match) resolve({ child, ports: match[1].split(' ').map(Number) });
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGTERM') log(`bench: ${name} exited (${code ?? signal})`);
      reject(new Error(`${name} exited (${code})`));
    });
  });
}

function runLoad(port, rate, seconds, identities, offset = 0) {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--role', 'load', '--port', String(port), '--rate', String(rate), '--seconds', String(seconds), '--identities', String(identities), '--offset', String(offset)], { encoding: 'utf8', timeout: (seconds + 60) * 1000 });
  if (result.status !== 0) throw new Error(`load generator failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

/** User + system CPU time of a process (all its threads) in ms, from /proc; undefined elsewhere. */
function cpuMs(pid) {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** Whether the Debian `wrk` load generator is installed (probed once). */
function hasWrk() {
  wrkInstalled ??= !spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error;
  return wrkInstalled;
}

function wrkPeak(port, seconds) {
  if (!hasWrk()) return undefined;
  const result = spawnSync('wrk', ['-t1', '-c32', `-d${seconds}s`, '-H', 'x-api-key: key-1', `http://127.0.0.1:${port}/items/itm_1`], { encoding: 'utf8', timeout: (seconds + 30) * 1000 });
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(result.stdout);
  const requests = /(\d+) requests in/.exec(result.stdout);
  return rps && requests ? { rps: Number(rps[1]), requests: Number(requests[1]) } : undefined;
}

/**
 * `count` requests, each with an API key never seen before (keys from `offset` on), through wrk's Lua
 * hook (one thread: the counter is unique) in chunks until `count` were sent, or the Node generator.
 */
function distinctIdentities(port, count, offset, dir) {
  if (!hasWrk()) return runLoad(port, 0, Math.ceil(count / 1500), count, offset).requests;
  let sent = 0;
  while (sent < count) {
    const script = path.join(dir, `ids-${offset + sent}.lua`);
    writeFileSync(script, `counter = ${offset + sent}\nrequest = function()\n  counter = counter + 1\n  return wrk.format("GET", "/items/itm_" .. (counter % 500), { ["x-api-key"] = "key-" .. counter })\nend\n`);
    const result = spawnSync('wrk', ['-t1', '-c16', '-d10s', '-s', script, `http://127.0.0.1:${port}/`], { encoding: 'utf8', timeout: 70_000 });
    const match = /(\d+) requests in/.exec(result.stdout);
    if (!match || Number(match[1]) === 0) break;
    sent += Number(match[1]);
  }
  return sent;
}

function getText(port, target) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: target, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(text));
      response.on('error', reject);
    }).on('error', reject);
  });
}

async function metricsOf(adminPort) {
  const text = await getText(adminPort, '/metrics');
  const value = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { rss: value('rampart_proxy_resident_memory_bytes'), heapUsed: value('rampart_proxy_heap_used_bytes'), state: value('rampart_proxy_detector_state_entries'), dropped: value('rampart_proxy_store_dropped_total') };
}

async function startNginx(upstreamPort, dir) {
  const probe = spawnSync('nginx', ['-v'], { encoding: 'utf8' });
  if (probe.error || args.includes('--skip-nginx')) return undefined;
  const port = await freePort();
  mkdirSync(path.join(dir, 'nginx', 'logs'), { recursive: true });
  const conf = path.join(dir, 'nginx', 'nginx.conf');
  writeFileSync(conf, `daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx', 'nginx.pid')};
error_log ${path.join(dir, 'nginx', 'logs', 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${path.join(dir, 'nginx', 'body')};
  proxy_temp_path ${path.join(dir, 'nginx', 'proxy')};
  fastcgi_temp_path ${path.join(dir, 'nginx', 'fastcgi')};
  uwsgi_temp_path ${path.join(dir, 'nginx', 'uwsgi')};
  scgi_temp_path ${path.join(dir, 'nginx', 'scgi')};
  upstream api { server 127.0.0.1:${upstreamPort}; keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $remote_addr;
    }
  }
}
`);
  const child = spawn('nginx', ['-c', conf, '-p', path.join(dir, 'nginx')], { stdio: 'ignore' });
  for (let k = 0; k < 50; k++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      await fetch(`http://127.0.0.1:${port}/items/itm_1`);
      return { child, port };
    } catch {
      // not up yet
    }
  }
  child.kill();
  return undefined;
}

function freePort() {
  return new Promise((resolve) => {
    const server = http.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Per target: the median of each measure over the runs (errors: the total) and its spread (min, max). */
function summarize(runs) {
  const keys = ['rps', 'p50', 'p99', 'addedP50', 'addedP99', 'peak', 'peakRatio', 'cpuPerRequestUs', 'cpuRatio'];
  return runs[0].map(({ name }, index) => {
    const median = { errors: runs.reduce((total, rows) => total + rows[index].errors, 0) };
    const spread = {};
    for (const key of keys) {
      const values = runs.map((rows) => rows[index][key]).filter((value) => value !== undefined && Number.isFinite(value)).sort((a, b) => a - b);
      if (values.length === 0) continue;
      const middle = Math.floor(values.length / 2);
      median[key] = values.length % 2 === 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
      spread[key] = [values[0], values.at(-1)];
    }
    return { name, median, spread };
  });
}

async function main() {
  const rate = Number(option('rate', '1000'));
  const seconds = Number(option('seconds', '10'));
  const identities = Number(option('identities', '100000'));
  const repeat = Math.max(1, Math.floor(Number(option('repeat', '1'))) || 1);
  if (!args.includes('--no-build')) {
    log('bench: npm run build');
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: 'inherit' });
    if (build.status !== 0) {
      log('bench: the build failed; fix it or run with --no-build to measure the existing dist/.');
      process.exit(1);
    }
  } else if (!existsSync(path.join(REPO, 'dist', 'monitor', 'proxy.js'))) {
    log('bench: dist/ is missing; run `npm run build` first (or drop --no-build).');
    process.exit(1);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-proxy-'));
  writeFileSync(path.join(dir, 'spec.json'), JSON.stringify(SPEC));
  // A private copy of the build: others may rebuild dist/ while the run goes on.
  for (const part of ['dist', 'package.json']) cpSync(path.join(REPO, part), path.join(dir, 'rampart', part), { recursive: true });
  symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'rampart', 'node_modules'), 'dir');
  const children = [];
  try {
    const upstream = await startRole('upstream');
    children.push(upstream.child);
    const upstreamPort = upstream.ports[0];
    const bare = await startRole('bare', ['--upstream', String(upstreamPort)]);
    children.push(bare.child);
    const nginx = await startNginx(upstreamPort, dir);
    if (nginx) children.push(nginx.child);
    const rampart = await startRole('rampart', ['--upstream', String(upstreamPort), '--dir', dir]);
    children.push(rampart.child);
    log(`bench: rampart with ${rampart.ports[2]} detectors; nginx ${nginx ? 'on' : 'not installed (skipped)'}`);

    // The process whose CPU time is charged to each target (nginx works in a child of its master: not measured).
    const targets = [['direct', upstreamPort, upstream.child.pid], ['node pass-through', bare.ports[0], bare.child.pid], ...(nginx ? [['nginx', nginx.port, undefined]] : []), ['rampart (all detectors)', rampart.ports[0], rampart.child.pid]];
    const runs = [];
    const passThrough = 1;
    const rampartIndex = targets.length - 1;
    for (let run = 1; run <= repeat; run++) {
      const rows = [];
      const tag = repeat > 1 ? ` (run ${run}/${repeat})` : '';
      for (const [name, port] of targets) {
        runLoad(port, rate, 2, 1000); // warm-up (JIT, keep-alive pools, BFLA learning)
        const load = runLoad(port, rate, seconds, 1000);
        log(`bench: ${name}${tag}: ${load.rps.toFixed(0)} req/s, p50 ${load.p50.toFixed(3)} ms, p99 ${load.p99.toFixed(3)} ms, errors ${load.errors}`);
        rows.push({ name, ...load });
      }
      // Peak: the pass-through and Rampart in four adjacent windows, A B B A, so that a drift in the
      // machine's speed (other tenants) weighs on both alike; the others once each.
      const windows = new Map(targets.map((_, index) => [index, []]));
      const order = [passThrough, rampartIndex, rampartIndex, passThrough, ...targets.map((_, index) => index).filter((index) => index !== passThrough && index !== rampartIndex)];
      for (const index of order) {
        const [, port, pid] = targets[index];
        const cpuBefore = cpuMs(pid);
        const peakRun = wrkPeak(port, PEAK_SECONDS) ?? runLoad(port, 0, PEAK_SECONDS, 1000);
        windows.get(index).push({ ...peakRun, cpu: cpuBefore === undefined ? undefined : cpuMs(pid) - cpuBefore });
      }
      for (const [index, measured] of windows) {
        const requests = measured.reduce((total, window) => total + window.requests, 0);
        const row = rows[index];
        row.peak = measured.reduce((total, window) => total + window.rps, 0) / measured.length;
        // CPU per request at peak: far steadier than req/s on a shared machine (it ignores time spent waiting for a core).
        row.cpuPerRequestUs = measured[0].cpu === undefined ? undefined : (measured.reduce((total, window) => total + window.cpu, 0) * 1000) / requests;
        log(`bench: ${row.name}${tag}: peak ${row.peak.toFixed(0)} req/s${row.cpuPerRequestUs === undefined ? '' : `, ${row.cpuPerRequestUs.toFixed(0)} µs CPU per request`}`);
      }
      // Differences and ratios within one run: the targets of a run shared its moment of the machine.
      for (const row of rows) {
        row.addedP50 = row.p50 - rows[0].p50;
        row.addedP99 = row.p99 - rows[0].p99;
        row.peakRatio = row.peak / rows[passThrough].peak;
        row.cpuRatio = row.cpuPerRequestUs === undefined ? undefined : rows[passThrough].cpuPerRequestUs / row.cpuPerRequestUs;
      }
      runs.push(rows);
    }
    const rows = summarize(runs);
    // 3. Memory: three rounds of `identities` requests, each with a new API key: bounded means the
    //    detector state stops at its caps and the heap and RSS stop growing.
    const memory = [{ round: 0, requests: 0, ...(await metricsOf(rampart.ports[1])) }];
    for (let round = 1; round <= MEMORY_ROUNDS; round++) {
      const sent = distinctIdentities(rampart.ports[0], identities, round * 10_000_000, dir);
      memory.push({ round, requests: memory.at(-1).requests + sent, ...(await metricsOf(rampart.ports[1])) });
      log(`bench: memory round ${round}: ${sent} requests with new identities, RSS ${(memory.at(-1).rss / 1048576).toFixed(0)} MB`);
    }

    const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
    const lines = [
      `## Proxy benchmark (${new Date().toISOString()}, ${os.cpus().length} CPUs ${os.cpus()[0]?.model ?? ''}, Node ${process.version}; shared machine, numbers are noisy)`,
      '',
      `Constant rate ${rate} req/s for ${seconds} s (open loop, latency from scheduled start), 1,000 identities; peak: ${hasWrk() ? `wrk -t1 -c32, ${PEAK_SECONDS} s windows` : `Node generator, 64 connections, ${PEAK_SECONDS} s windows`}, the pass-through and Rampart in four adjacent windows (A B B A) per run, the others in one${repeat > 1 ? `; each cell the median of ${repeat} runs (errors: the total)` : ''}.`,
      '',
      '| target | achieved req/s | p50 ms | p99 ms | added p50 ms | added p99 ms | errors | peak req/s | peak vs node pass-through | CPU µs per request at peak | pass-through CPU ÷ target CPU |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map(({ name, median }) => `| ${name} | ${median.rps.toFixed(0)} | ${median.p50.toFixed(3)} | ${median.p99.toFixed(3)} | ${median.addedP50.toFixed(3)} | ${median.addedP99.toFixed(3)} | ${median.errors} | ${median.peak.toFixed(0)} | ${(median.peakRatio * 100).toFixed(0)}% | ${median.cpuPerRequestUs === undefined ? 'n/a' : median.cpuPerRequestUs.toFixed(0)} | ${median.cpuRatio === undefined ? 'n/a' : `${(median.cpuRatio * 100).toFixed(0)}%`} |`),
      '',
      ...(repeat > 1 ? [
        `Spread over the ${repeat} runs (min–max):`,
        '',
        '| target | p50 ms | p99 ms | added p50 ms | added p99 ms | peak req/s | peak vs node pass-through | CPU µs per request at peak | pass-through CPU ÷ target CPU |',
        '|---|---|---|---|---|---|---|---|---|',
        ...rows.map(({ name, spread }) => {
          const range = (key, digits, scale = 1, suffix = '') => (spread[key] === undefined ? 'n/a' : `${(spread[key][0] * scale).toFixed(digits)}–${(spread[key][1] * scale).toFixed(digits)}${suffix}`);
          return `| ${name} | ${range('p50', 3)} | ${range('p99', 3)} | ${range('addedP50', 3)} | ${range('addedP99', 3)} | ${range('peak', 0)} | ${range('peakRatio', 0, 100, '%')} | ${range('cpuPerRequestUs', 0)} | ${range('cpuRatio', 0, 100, '%')} |`;
        }),
        '',
      ] : []),
      `Rampart memory with distinct identities (a new API key on every request, ${MEMORY_ROUNDS} rounds of ${identities}):`,
      '',
      '| after | requests with new identities | detector state entries | heap in use | RSS | store drops |',
      '|---|---:|---:|---:|---:|---:|',
      ...memory.map((row) => `| ${row.round === 0 ? 'the runs above' : `round ${row.round}`} | ${row.requests} | ${row.state} | ${mb(row.heapUsed)} MB | ${mb(row.rss)} MB | ${row.dropped} |`),
      '',
    ];
    const report = lines.join('\n');
    process.stdout.write(report);
    const results = path.join(HERE, 'results');
    mkdirSync(results, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    writeFileSync(path.join(results, `proxy-${stamp}.md`), report);
    writeFileSync(path.join(results, `proxy-${stamp}.json`), JSON.stringify({ rate, seconds, repeat, rows, runs, memory }, null, 2));
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}
