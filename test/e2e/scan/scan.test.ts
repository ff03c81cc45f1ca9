/**
 * End to end: the built CLI scans the demo API (vulnerable and --secure, each started on
 * 127.0.0.1 in this process) and a second, differently shaped target (a Swagger 2.0 mock with API
 * keys). Every planted vulnerability must be found with its rule id and OWASP tag; the secure mode
 * must give nothing at warning or above.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startDemoApi, type RunningDemoApi } from '../../../examples/demo-api/server.js';
import { builtPackageRoot, REPO, useFreshCli } from '../golden.js';
import { startSchemaMock } from './schema-mock.js';

const run = promisify(execFile);
let CLI = path.join(REPO, 'bin', 'rampart.js');
let cleanup = () => {};
const CONFIG = path.join(REPO, 'examples', 'demo-api', 'rampart.yaml');

interface Report {
  findings: { ruleId: string; severity: string; location: { method: string; path: string }; owasp: string[]; cwe: string[]; reproduce?: string; evidence?: { exchanges?: unknown[] } }[];
  summary: Record<string, number>;
  scan: { requests: number; durationMs: number; requestsPerSecond: number; skipped: { probe: string; reason: string }[]; seed: number };
}

async function rampart(...args: string[]): Promise<{ report: Report; stderr: string; status: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: REPO, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    return { report: JSON.parse(stdout) as Report, stderr, status: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { report: JSON.parse(failed.stdout) as Report, stderr: failed.stderr, status: failed.code };
  }
}

const scanArgs = (demo: RunningDemoApi) => ['scan', '--config', CONFIG, '--spec', `${demo.url}/openapi.json`, '--target', demo.url, '--format', 'json', '--rps', '2000', '--seed', '42', '--budget', '1500'];

/** Each planted vulnerability (README table): rule id, operation, OWASP category. */
const PLANTED: [string, string, string][] = [
  ['scan-jwt-weak-secret', 'POST /auth/login', 'API2:2023'],
  ['scan-bola', 'GET /accounts/{accountId}', 'API1:2023'],
  ['scan-bfla', 'GET /admin/users', 'API5:2023'],
  ['scan-mass-assignment', 'POST /accounts', 'API3:2023'],
  ['scan-excessive-data-exposure', 'GET /users/me', 'API3:2023'],
  ['scan-invalid-input-accepted', 'POST /orders', 'API8:2023'],
  ['scan-verbose-error', 'POST /auth/login', 'API8:2023'],
  ['scan-sql-injection', 'GET /products', 'API8:2023'],
  ['scan-response-schema-violation', 'GET /orders/{orderId}', 'API9:2023'],
  ['scan-rate-limit-missing', 'POST /auth/login', 'API4:2023'],
  ['scan-cors-any-origin', 'GET /health', 'API8:2023'],
  ['scan-ssrf', 'POST /imports', 'API7:2023'],
];
/** Consequences of the same plants that other probes rightly report too (README "also reported as"). */
const SECONDARY = new Set(['scan-valid-input-server-error', 'scan-invalid-input-server-error']);

before(() => {
  cleanup = useFreshCli();
  CLI = path.join(builtPackageRoot(), 'bin', 'rampart.js');
});
after(() => cleanup());

describe('rampart scan on the demo API', () => {
  let vulnerable: Awaited<ReturnType<typeof rampart>>;
  let secure: Awaited<ReturnType<typeof rampart>>;
  before(async () => {
    const demo = await startDemoApi();
    const fixed = await startDemoApi({ secure: true });
    try {
      [vulnerable, secure] = await Promise.all([rampart(...scanArgs(demo)), rampart(...scanArgs(fixed))]);
    } finally {
      await Promise.all([demo.close(), fixed.close()]);
    }
  });

  it('finds every planted vulnerability with its rule id and OWASP category', () => {
    const found = new Set(vulnerable.report.findings.map((finding) => `${finding.ruleId} ${finding.location.method} ${finding.location.path} ${finding.owasp.join(',')}`));
    for (const [ruleId, operation, owasp] of PLANTED) assert.ok(found.has(`${ruleId} ${operation} ${owasp}`), `${ruleId} on ${operation}: found ${[...found].join('\n')}`);
    const expectedRules = new Set([...PLANTED.map(([ruleId]) => ruleId), ...SECONDARY]);
    assert.deepEqual(vulnerable.report.findings.filter((finding) => !expectedRules.has(finding.ruleId)).map((finding) => finding.ruleId), []);
    assert.equal(vulnerable.status, 1);
  });

  it('gives every finding CWE, redacted evidence and a curl without credentials', () => {
    for (const finding of vulnerable.report.findings) {
      assert.ok(finding.cwe.length > 0 && finding.owasp.length > 0, finding.ruleId);
      assert.ok(finding.evidence?.exchanges && finding.evidence.exchanges.length > 0, finding.ruleId);
      assert.match(finding.reproduce ?? '', /^curl -i /, finding.ruleId);
    }
    const text = JSON.stringify(vulnerable.report);
    for (const secret of ['alice-demo-password', 'bob-demo-password', 'root-demo-password', '219-09-9999']) assert.ok(!text.includes(secret), `${secret} leaked`);
    assert.ok(!/eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\.eyJ[\w-]+\.[\w-]{20,}/.test(text), 'a signed JWT leaked');
    assert.match(text, /\$RAMPART_ALICE_TOKEN/);
  });

  it('finds nothing at warning or above in --secure mode', () => {
    assert.deepEqual(secure.report.findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').map((finding) => `${finding.ruleId} ${finding.location.method} ${finding.location.path}`), []);
    assert.equal(secure.status, 0);
  });

  it('says what it could not test, and measures the run', () => {
    assert.match(vulnerable.stderr, /not tested:/);
    assert.match(vulnerable.stderr, /DELETE not sent without --allow-destructive/);
    assert.ok(vulnerable.report.scan.requests > 100 && vulnerable.report.scan.requests <= 1500);
    assert.equal(vulnerable.report.scan.seed, 42);
    process.stdout.write(`# demo scan: ${vulnerable.report.scan.requests} requests, ${vulnerable.report.scan.durationMs} ms, ${vulnerable.report.scan.requestsPerSecond} req/s; secure: ${secure.report.scan.requests} requests, ${secure.report.scan.durationMs} ms\n`);
  });
});

describe('rampart scan on a differently shaped target (Swagger 2.0 mock, API keys, base path)', () => {
  let result: Awaited<ReturnType<typeof rampart>>;
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-scan-mock-'));
  let mock: Awaited<ReturnType<typeof startSchemaMock>>;
  before(async () => {
    mock = await startSchemaMock();
    writeFileSync(path.join(dir, 'rampart.yaml'), ['scan:', '  identities:', '    - name: ann', '      headers: { X-Api-Key: ann-key-123 }', '    - name: ben', '      headers: { X-Api-Key: ben-key-456 }', ''].join('\n'));
    result = await rampart('scan', '--config', path.join(dir, 'rampart.yaml'), '--spec', `${mock.url}/v2/swagger.json`, '--target', `${mock.url}/v2`, '--format', 'json', '--rps', '2000', '--seed', '7', '--budget', '800');
  });
  after(() => mock.close());

  it('finds the naive backend\'s weaknesses', () => {
    const found = new Set(result.report.findings.map((finding) => `${finding.ruleId} ${finding.location.method} ${finding.location.path}`));
    for (const expected of ['scan-auth-invalid-token-accepted GET /books', 'scan-bola GET /books/{bookId}', 'scan-mass-assignment POST /books', 'scan-invalid-input-accepted POST /books']) assert.ok(found.has(expected), `${expected}: found ${[...found].join(', ')}`);
    assert.ok(!JSON.stringify(result.report).includes('ann-key-123'), 'API key leaked');
    assert.match(result.stderr, /no login request configured/);
  });
});

describe('rampart scan safety', () => {
  it('refuses a non-loopback target named only in the configuration', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rampart-scan-safety-'));
    writeFileSync(path.join(dir, 'rampart.yaml'), 'scan:\n  target: http://203.0.113.5\n');
    const failed = await run(process.execPath, [CLI, 'scan', '--spec', path.join(REPO, 'examples', 'bookstore', 'openapi.yaml')], { cwd: dir }).catch((error: { code: number; stderr: string }) => error);
    assert.equal((failed as { code: number }).code, 2);
    assert.match((failed as { stderr: string }).stderr, /refusing to scan http:\/\/203\.0\.113\.5 .*pass --target/);
  });
});
