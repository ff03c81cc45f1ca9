/**
 * The command line: `--replay` renders alerts through every reporter with the JSON contract of
 * DESIGN.md and exit codes; live, alerts are JSON lines on stdout and SIGTERM drains in-flight
 * requests before exiting 0.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startDemoApi, type RunningDemoApi } from '../../../examples/demo-api/server.js';
import { RecordingClient, tempDir, writeDemoSpec } from './demo.js';

const run = promisify(execFile);
const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli-entry.ts');
/** `--import tsx` resolves from the working directory: run from the repository. */
const REPO = path.resolve(path.dirname(ENTRY), '..', '..', '..');
const dir = tempDir();
const spec = writeDemoSpec(dir);
const har = path.join(dir, 'traffic.har');

async function rampart(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000, maxBuffer: 32 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe('rampart proxy --replay', () => {
  let demo: RunningDemoApi;
  before(async () => {
    demo = await startDemoApi({ port: 0 });
    const client = new RecordingClient(demo.url);
    const login = await client.call('POST', '/auth/login', { json: { username: 'alice', password: 'alice-demo-password' } });
    await client.call('GET', '/users/me', { token: login.json().token });
    for (let k = 0; k < 25; k++) await client.call('GET', `/scan-${k}.php`);
    client.writeHar(har);
  });
  after(() => demo.close());

  it('--format json: the DESIGN.md report, detector findings with OWASP and identity in evidence; exit 1 on errors', async () => {
    const { stdout, code, stderr } = await rampart('proxy', '--replay', har, '--spec', spec, '--format', 'json', '--no-config', '--threshold', 'scanning.notFound=20');
    assert.equal(code, 1, stderr);
    const report = JSON.parse(stdout) as { version: number; tool: { name: string }; findings: { ruleId: string; owasp: string[]; evidence: { identity: string } }[]; summary: Record<string, number>; replay: { exchanges: number } };
    assert.equal(report.version, 1);
    assert.equal(report.tool.name, 'rampart');
    assert.equal(report.replay.exchanges, 27);
    assert.deepEqual([...new Set(report.findings.map((finding) => finding.ruleId))].sort(), ['proxy-scanning', 'proxy-sensitive-data', 'proxy-unsafe-jwt']);
    for (const finding of report.findings) {
      assert.ok(finding.owasp.length > 0);
      assert.ok(finding.evidence.identity);
    }
  });

  it('every reporter renders the alerts; --fail-severity and bad flags map to exit codes', async () => {
    for (const format of ['stylish', 'sarif', 'junit', 'github', 'markdown', 'html']) {
      const { stdout, code } = await rampart('proxy', '--replay', har, '--format', format, '--no-config', '--fail-severity', 'hint');
      assert.equal(code, 1, format);
      assert.match(stdout, /proxy-unsafe-jwt/, `${format} names the rule`);
    }
    const sarif = JSON.parse((await rampart('proxy', '--replay', har, '--format', 'sarif', '--no-config')).stdout) as { runs: { results: unknown[] }[] };
    assert.ok(sarif.runs[0]!.results.length > 0);
    const clean = await rampart('proxy', '--replay', har, '--no-config', '--mode', 'off');
    assert.equal(clean.code, 0);
    const bad = await rampart('proxy', '--replay', har, '--threshold', 'bola.nope=3', '--no-config');
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr.trim(), 'rampart: --threshold bola.nope=3: bola has no threshold "nope". Known: windowSeconds, distinctIds, foreignReads, givenIdsPerIdentity, maxTracked [RAMPART_USAGE]');
  });
});

describe('rampart proxy (live)', () => {
  it('prints alerts as JSON lines, and drains in-flight requests on SIGTERM before exiting 0', async () => {
    const upstream = createServer((request, response) => {
      // Slow enough that SIGTERM arrives while the request is in flight.
      setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), request.url === '/slow' ? 600 : 0);
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'proxy', '--upstream', upstreamUrl, '--listen', '127.0.0.1:0', '--admin', 'off', '--no-config', '--threshold', 'scanning.notFound=1'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
        const match = /listening on (http:\/\/[\d.:]+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.on('exit', () => reject(new Error(`proxy exited early: ${stderr}`)));
    });
    const slow = fetch(`${url}/slow`, { headers: { connection: 'close' } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGTERM');
    const answer = await slow;
    assert.equal(answer.status, 200, 'the in-flight request finished during the drain');
    assert.deepEqual(await answer.json(), { ok: true });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    upstream.close();
    assert.equal(code, 0, stderr);
    assert.match(stderr, /draining \(1 in flight\)/);
    assert.match(stderr, /stopped/);
    assert.equal(stdout, '', 'no alert for a plain request');
  });
});
