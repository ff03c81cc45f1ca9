/**
 * End to end: the built CLI scans the demo API (vulnerable and --secure, each started on
 * 127.0.0.1 in a process of its own), the demo over HTTPS with a self-signed certificate made at
 * test time, and a second, differently shaped target (a Swagger 2.0 mock with API keys). Every
 * planted vulnerability must be found with its rule id and OWASP tag; the secure mode must give
 * nothing at warning or above.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { demoDescription } from '../../../examples/demo-api/description.js';
import { hasOpenssl } from '../../../examples/demo-api/self-signed.js';
import { builtPackageRoot, REPO, useFreshCli } from '../golden.js';
import { startDemoProcess, type DemoProcess } from './demo-process.js';
import { startSchemaMock } from './schema-mock.js';

const run = promisify(execFile);
let CLI = path.join(REPO, 'bin', 'rampart.js');
let cleanup = () => {};
const CONFIG = path.join(REPO, 'examples', 'demo-api', 'rampart.yaml');

interface Report {
  findings: { ruleId: string; severity: string; location: { method: string; path: string }; owasp: string[]; cwe: string[]; reproduce?: string; evidence?: { exchanges?: unknown[] } }[];
  summary: Record<string, number>;
  scan: { requests: number; durationMs: number; requestsPerSecond: number; skipped: { probe: string; reason: string }[]; seed: number; variables: { name: string; about: string }[] };
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

const scanArgs = (demo: DemoProcess) => ['scan', '--config', CONFIG, '--spec', `${demo.url}/openapi.json`, '--target', demo.url, '--format', 'json', '--rps', '2000', '--seed', '42', '--budget', '1500'];

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
  ['scan-command-injection', 'POST /diagnostics/ping', 'API8:2023'],
  ['scan-redos', 'GET /display-names/validate', 'API4:2023'],
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
    const [demo, fixed] = await Promise.all([startDemoProcess(), startDemoProcess('--secure')]);
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
      // A proof of several steps is a shell script: comments, maybe a command, then curls.
      assert.match(finding.reproduce ?? '', /^(curl -i |for i in \$\(seq \d+\); do curl -s )/m, finding.ruleId);
    }
    const text = JSON.stringify(vulnerable.report);
    for (const secret of ['alice-demo-password', 'bob-demo-password', 'root-demo-password', '219-09-9999']) assert.ok(!text.includes(secret), `${secret} leaked`);
    assert.ok(!/eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\.eyJ[\w-]+\.[\w-]{20,}/.test(text), 'a signed JWT leaked');
    assert.match(text, /\$RAMPART_ALICE_TOKEN/);
    assert.ok(vulnerable.report.scan.variables.some((variable) => variable.name === 'RAMPART_ALICE_TOKEN'), JSON.stringify(vulnerable.report.scan.variables));
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

describe('rampart scan on the demo API over HTTPS (self-signed certificate, plain-HTTP twin)', { skip: hasOpenssl() ? false : 'no openssl command to make a test certificate' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-scan-https-'));
  // The description as a file: the scanner loads a remote description with the platform's trust store only.
  const spec = path.join(dir, 'openapi.json');
  writeFileSync(spec, JSON.stringify(demoDescription()));
  const httpsArgs = (demo: DemoProcess, ...extra: string[]) => ['scan', '--config', CONFIG, '--spec', spec, '--target', demo.url, '--format', 'json', '--rps', '2000', '--seed', '42', '--probe', 'transport-config', ...extra];
  let vulnerable: Awaited<ReturnType<typeof rampart>>;
  let secure: Awaited<ReturnType<typeof rampart>>;
  let untrusted: { code: number; stderr: string; stdout: string };
  before(async () => {
    const [demo, fixed] = await Promise.all([startDemoProcess('--https'), startDemoProcess('--https', '--secure')]);
    try {
      assert.match(demo.url, /^https:/);
      assert.match(demo.httpUrl ?? '', /^http:/);
      [vulnerable, secure, untrusted] = await Promise.all([
        rampart(...httpsArgs(demo, '--insecure', '--http-target', demo.httpUrl!)),
        rampart(...httpsArgs(fixed, '--insecure', '--http-target', fixed.httpUrl!)),
        run(process.execPath, [CLI, ...httpsArgs(demo)], { cwd: REPO, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 120_000 }).then(
          ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
          (error: { code: number; stdout: string; stderr: string }) => error,
        ),
      ]);
    } finally {
      await Promise.all([demo.close(), fixed.close()]);
    }
  });

  it('refuses an untrusted certificate without --insecure, in one line that names the flag', () => {
    assert.equal(untrusted.code, 2);
    assert.equal(untrusted.stdout, '');
    assert.match(untrusted.stderr, /^rampart: .*target https:\/\/127\.0\.0\.1:\d+ is not reachable: self-signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\): the certificate is not trusted; pass --insecure to scan it anyway \[RAMPART_USAGE\]\n$/);
  });

  it('finds missing HSTS, TLS 1.0/1.1 and the API served over plain HTTP', () => {
    const found = vulnerable.report.findings.map((finding) => `${finding.ruleId} ${finding.owasp.join(',')} ${finding.cwe.join(',')}`);
    assert.deepEqual(found.sort(), ['scan-cors-any-origin API8:2023 CWE-942', 'scan-http-no-redirect API8:2023 CWE-319', 'scan-missing-hsts API8:2023 CWE-319', 'scan-weak-tls API8:2023 CWE-326']);
    const byRule = new Map(vulnerable.report.findings.map((finding) => [finding.ruleId, finding]));
    assert.deepEqual(byRule.get('scan-weak-tls')!.location, { method: 'CONNECT', path: '/' });
    assert.match((byRule.get('scan-weak-tls') as unknown as { message: string }).message, /completes TLS 1\.0 and TLS 1\.1 handshakes/);
    assert.deepEqual(byRule.get('scan-http-no-redirect')!.location, { method: 'GET', path: '/health' });
    assert.match(byRule.get('scan-http-no-redirect')!.reproduce ?? '', /^curl -i .*'http:\/\/127\.0\.0\.1:\d+\/health'/);
    assert.match(JSON.stringify(byRule.get('scan-missing-hsts')!.evidence), /https:\/\/127\.0\.0\.1/);
    assert.equal(vulnerable.status, 1);
  });

  it('finds nothing in --secure mode (TLS 1.2+, HSTS, a 308 to https)', () => {
    assert.deepEqual(secure.report.findings.map((finding) => `${finding.ruleId} ${finding.location.method} ${finding.location.path}`), []);
    assert.ok(!secure.report.scan.skipped.some((skip) => /HSTS|TLS|redirect/.test(skip.reason)), JSON.stringify(secure.report.scan.skipped));
    assert.equal(secure.status, 0);
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
