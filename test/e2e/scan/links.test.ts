/**
 * End to end: the built CLI scans a target whose IDs only OpenAPI links explain (`handle` →
 * `{projectKey}`, `ref` → `{taskRef}`), started on 127.0.0.1 in this process. With the links the
 * scanner creates a project, then a task in it, and finds the planted BOLA on the task; without
 * them (same server, same description minus `links`) it cannot reach the operation; against the
 * secure twin it reports no BOLA. With --allow-destructive it deletes what it created, through the
 * links to the DELETEs (nested tasks first).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { builtPackageRoot, REPO, useFreshCli } from '../golden.js';
import { startLinksMock, TRACKER_TOKENS } from './links-mock.js';

const run = promisify(execFile);
let CLI = path.join(REPO, 'bin', 'rampart.js');
let cleanup = () => {};

interface Report {
  findings: { ruleId: string; severity: string; location: { method: string; path: string }; owasp: string[]; reproduce?: string; evidence?: { ids?: Record<string, string>; exchanges?: { label: string; request?: { url?: string } }[] } }[];
  scan: { requests: number; skipped: { probe: string; reason: string; operation?: string }[] };
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

const TASK = 'GET /projects/{projectKey}/tasks/{taskRef}';
const key = (finding: Report['findings'][number]) => `${finding.ruleId} ${finding.location.method} ${finding.location.path}`;

before(() => {
  cleanup = useFreshCli();
  CLI = path.join(builtPackageRoot(), 'bin', 'rampart.js');
});
after(() => cleanup());

describe('rampart scan follows OpenAPI links to IDs that names do not explain', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-scan-links-'));
  const config = path.join(dir, 'rampart.yaml');
  let linked: Awaited<ReturnType<typeof rampart>>;
  let unlinked: Awaited<ReturnType<typeof rampart>>;
  let secure: Awaited<ReturnType<typeof rampart>>;
  let destructive: Awaited<ReturnType<typeof rampart>>;
  let left: { projects: number; tasks: number } | undefined;
  let keptByDefault: { projects: number; tasks: number } | undefined;
  before(async () => {
    writeFileSync(config, ['scan:', '  identities:', ...Object.entries(TRACKER_TOKENS).flatMap(([name, token]) => [`    - name: ${name}`, `      headers: { Authorization: 'Bearer ${token}' }`]), ''].join('\n'));
    const vulnerable = await startLinksMock();
    const fixed = await startLinksMock({ secure: true });
    const other = await startLinksMock();
    const unlinkedTarget = await startLinksMock();
    const args = (target: string, spec: string) => ['scan', '--config', config, '--spec', `${target}/${spec}`, '--target', target, '--format', 'json', '--rps', '2000', '--seed', '5', '--budget', '800'];
    try {
      [linked, unlinked, secure, destructive] = await Promise.all([
        rampart(...args(vulnerable.url, 'openapi.json')),
        rampart(...args(unlinkedTarget.url, 'openapi-without-links.json')),
        rampart(...args(fixed.url, 'openapi.json')),
        rampart(...args(other.url, 'openapi.json'), '--probe', 'bola', '--allow-destructive'),
      ]);
      keptByDefault = vulnerable.stored();
      left = other.stored();
    } finally {
      await Promise.all([vulnerable.close(), fixed.close(), other.close(), unlinkedTarget.close()]);
    }
  });

  it('finds the BOLA on a task it could only reach through two links', () => {
    const bola = linked.report.findings.find((finding) => key(finding) === `scan-bola ${TASK}`);
    assert.ok(bola, `found: ${linked.report.findings.map(key).join(', ')}`);
    assert.deepEqual(bola.owasp, ['API1:2023']);
    // The IDs came from the scan's own creations: a random project handle and task ref.
    assert.match(bola.evidence?.ids?.projectKey ?? '', /^prj-[0-9a-f]{12}$/);
    assert.match(bola.evidence?.ids?.taskRef ?? '', /^tsk-[0-9a-f]{12}$/);
    assert.match(bola.reproduce ?? '', /\/projects\/prj-[0-9a-f]{12}\/tasks\/tsk-[0-9a-f]{12}/);
    assert.ok(!JSON.stringify(linked.report).includes(TRACKER_TOKENS.ann), 'a token leaked');
    assert.equal(linked.status, 1);
  });

  it('cannot reach the task without the links (names alone do not explain handle → projectKey)', () => {
    assert.deepEqual(unlinked.report.findings.filter((finding) => finding.ruleId === 'scan-bola').map(key), []);
    assert.ok(
      unlinked.report.scan.skipped.some((skip) => skip.probe === 'bola' && skip.operation === TASK),
      `skips: ${JSON.stringify(unlinked.report.scan.skipped)}`,
    );
  });

  it('deletes what it created only with --allow-destructive, through the links to the DELETEs', () => {
    assert.ok(keptByDefault && keptByDefault.projects >= 2 && keptByDefault.tasks >= 2, JSON.stringify(keptByDefault));
    assert.ok(linked.report.scan.skipped.some((skip) => skip.probe === 'cleanup' && /objects created by the scan were left in place/.test(skip.reason)));
    assert.ok(destructive.report.findings.some((finding) => key(finding) === `scan-bola ${TASK}`), 'BOLA found before the cleanup');
    assert.deepEqual(left, { projects: 0, tasks: 0 });
  });

  it('reports no BOLA against the secure twin, which checks the owner', () => {
    assert.deepEqual(secure.report.findings.filter((finding) => finding.ruleId === 'scan-bola').map(key), []);
    assert.ok(!secure.report.scan.skipped.some((skip) => skip.probe === 'bola' && skip.operation === TASK), 'the task operation was tested');
  });
});
