/**
 * A finding's "curl to prove it" must reproduce it. The demo API (vulnerable mode) is started in
 * this process on 127.0.0.1 and scanned for mass assignment, SSRF and the weak JWT secret; each
 * proof says what it needs, and the mass-assignment and forged-token proofs are replayed here with
 * sh and curl against the same demo, with the variables set as the summary says.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { hasOpenssl } from '../../../examples/demo-api/self-signed.js';
import { startDemoApi, type RunningDemoApi } from '../../../examples/demo-api/server.js';
import type { CommandIO } from '../io.js';
import { runCli } from '../main.js';

const CONFIG = path.resolve(import.meta.dirname, '../../../examples/demo-api/rampart.yaml');

interface Finding {
  ruleId: string;
  reproduce?: string;
}

const hasCommand = (name: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};

describe('scan: proofs that reproduce their findings', () => {
  let demo: RunningDemoApi;
  let findings: Map<string, Finding>;
  let stderr = '';
  let variables: { name: string; about: string }[] = [];
  before(async () => {
    demo = await startDemoApi();
    const dir = mkdtempSync(path.join(tmpdir(), 'rampart-scan-proofs-'));
    const io: CommandIO = { cwd: dir, stdout: () => {}, stderr: (text) => void (stderr += text), isTTY: false, env: {} };
    const probes = ['mass-assignment', 'ssrf', 'jwt-weak-secret'].flatMap((name) => ['--probe', name]);
    const status = await runCli(['scan', '--config', CONFIG, '--spec', `${demo.url}/openapi.json`, '--target', demo.url, ...probes, '--seed', '3', '--rps', '1000', '--format', 'json:report.json'], io);
    assert.equal(status, 1, stderr);
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as { findings: Finding[]; scan: { variables: typeof variables } };
    findings = new Map(report.findings.map((finding) => [finding.ruleId, finding]));
    variables = report.scan.variables;
  });
  after(() => demo.close());

  const cases: { ruleId: string; lines: RegExp[] }[] = [
    {
      ruleId: 'scan-mass-assignment',
      lines: [
        /^# 1\. create as alice, with "balance" set$/,
        /^curl -i -X POST '[^']+\/accounts' -H "Authorization: Bearer \$RAMPART_ALICE_TOKEN" .*--data-raw '\{.*"balance":1000000\}'$/,
        /^# 2\. read it back: "balance" holds the value sent \(replaying, put the id step 1 answers in the URL\)$/,
        /^curl -i '[^']+\/accounts\/acc_\d+' -H "Authorization: Bearer \$RAMPART_ALICE_TOKEN"$/,
      ],
    },
    {
      ruleId: 'scan-ssrf',
      lines: [
        /^# http:\/\/127\.0\.0\.1:\d+\/c\/[0-9a-f]+\/body-url is the scanner's canary, gone after the scan: replace it with the URL of a listener you control/,
        /^curl -i -X POST '[^']+\/imports' .*"url":"http:\/\/127\.0\.0\.1:\d+\/c\/[0-9a-f]+\/body-url"/,
      ],
    },
    {
      ruleId: 'scan-jwt-weak-secret',
      lines: [
        /^# \$RAMPART_FORGED_TOKEN is alice's JWT re-signed by the scanner; it and the cracked secret are withheld/,
        /^# set RAMPART_JWT_SECRET to the API's signing secret \(the 6-character word of Rampart's JWT wordlist/,
        /^h=\$\(printf '%s' '\{"alg":"HS256","typ":"JWT"\}' \| openssl base64 -A/,
        /^p=\$\(printf '\{"sub":"usr_1","role":"user","iat":%d,"exp":%d,"rampart":"forged"\}' "\$\(date \+%s\)" /,
        /^RAMPART_FORGED_TOKEN="\$h\.\$p\.\$\(printf '%s' "\$h\.\$p" \| openssl dgst -sha256 -hmac "\$RAMPART_JWT_SECRET"/,
        /^curl -i '[^']+\/users\/me' -H "Authorization: Bearer \$RAMPART_FORGED_TOKEN"$/,
      ],
    },
  ];
  for (const { ruleId, lines } of cases) {
    it(`${ruleId}: the proof says what replaying it needs`, () => {
      const reproduce = findings.get(ruleId)?.reproduce ?? '';
      const actual = reproduce.split('\n');
      assert.equal(actual.length, lines.length, reproduce);
      lines.forEach((line, index) => assert.match(actual[index]!, line));
    });
  }

  it('the summary and the JSON report say where each variable of the curls comes from', () => {
    assert.deepEqual(variables.map((variable) => variable.name), ['RAMPART_ALICE_TOKEN', 'RAMPART_FORGED_TOKEN', 'RAMPART_JWT_SECRET']);
    assert.match(stderr, /^ {2}the curls read these shell variables: set them \(export NAME=…\) before replaying one$/m);
    assert.match(stderr, /^ {4}RAMPART_ALICE_TOKEN: alice's token: POST \/auth\/login as alice answers it \(\$\.token\)$/m);
  });

  const replayable = hasOpenssl() && hasCommand('curl');
  it('the mass-assignment and forged-token proofs replay against the demo', { skip: replayable ? false : 'needs openssl and curl' }, async () => {
    const login = await fetch(`${demo.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'alice', password: 'alice-demo-password' }) });
    const env = { PATH: process.env.PATH ?? '', RAMPART_ALICE_TOKEN: ((await login.json()) as { token: string }).token, RAMPART_JWT_SECRET: 'secret' };
    // Asynchronously: the demo answers from this process's event loop.
    const replay = async (ruleId: string) => (await promisify(execFile)('sh', ['-c', findings.get(ruleId)!.reproduce!.replaceAll('curl -i ', 'curl -s -i ')], { env, encoding: 'utf8' })).stdout;
    const mass = (await replay('scan-mass-assignment')).split(/(?=HTTP\/1\.1 )/);
    assert.match(mass[0]!, /^HTTP\/1\.1 201 [\s\S]*"balance":1000000/);
    assert.match(mass[1]!, /^HTTP\/1\.1 200 [\s\S]*"balance":1000000/);
    assert.match(await replay('scan-jwt-weak-secret'), /^HTTP\/1\.1 200 [\s\S]*"username":"alice"/);
  });
});
