/**
 * A cracked JWT secret that is a common word ("admin") must not be found again in the report: not
 * as `$RAMPART_JWT_SECRET` standing in for `/admin/users` or `"role":"admin"`, and not by comparing
 * reports. Twin APIs, identical but for the word that signs their tokens ("admin", "hello", both
 * spelled in their paths and data), are scanned in-process; every report format must come out the
 * same for both, and the URLs and bodies as the API sent them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { reporters } from '../../report/index.js';
import type { CommandIO } from '../io.js';
import { runCli } from '../main.js';
import { startWordApi, WORD_API_CONFIG, wordApiDescription, type WordApi } from './scan-word-api.js';

const FORMATS = Object.keys(reporters);

interface Scanned {
  api: WordApi;
  dir: string;
  status: number;
  stderr: string;
  /** Report text by format. */
  reports: Record<string, string>;
}

async function scanWith(secret: string): Promise<Scanned> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rampart-scan-redaction-'));
  writeFileSync(path.join(dir, 'rampart.yaml'), WORD_API_CONFIG);
  writeFileSync(path.join(dir, 'openapi.json'), JSON.stringify(wordApiDescription()));
  const api = await startWordApi(secret);
  let stderr = '';
  const io: CommandIO = { cwd: dir, stdout: () => {}, stderr: (text) => void (stderr += text), isTTY: false, env: {} };
  try {
    const formats = FORMATS.flatMap((format) => ['--format', `${format}:report.${format}`]);
    const status = await runCli(['scan', '--spec', 'openapi.json', '--target', api.url, '--probe', 'jwt-weak-secret', '--probe', 'bfla', '--seed', '1', '--rps', '1000', ...formats], io);
    const reports = Object.fromEntries(FORMATS.map((format) => [format, readFileSync(path.join(dir, `report.${format}`), 'utf8')]));
    return { api, dir, status, stderr, reports };
  } finally {
    await api.close();
  }
}

/** What differs between any two runs: the port, the folder, and timings. */
const normalise = (text: string, { api, dir }: Scanned) => text.replaceAll(api.url.replace('http://', ''), '<target>').replaceAll(dir, '<dir>').replace(/("?(?:durationMs|requestsPerSecond)\\?"?:\s*)[\d.]+/g, '$1<n>');

describe('scan: a cracked common-word JWT secret is neither shown nor inferable', () => {
  let admin: Scanned;
  let hello: Scanned;
  before(async () => {
    admin = await scanWith('admin');
    hello = await scanWith('hello');
  });

  it('finds the weak secret and the BFLA on both twins', () => {
    for (const scanned of [admin, hello]) {
      const ruleIds = (JSON.parse(scanned.reports.json!) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId).sort();
      assert.deepEqual(ruleIds, ['scan-bfla', 'scan-jwt-weak-secret'], scanned.stderr);
      assert.equal(scanned.status, 1);
    }
  });

  it('leaves URLs and bodies that spell the secret as the API sent them', () => {
    const report = JSON.parse(admin.reports.json!) as { findings: { ruleId: string; reproduce?: string; evidence: { exchanges: { request: { url: string }; response?: { body?: string } }[] } }[] };
    const bfla = report.findings.find((finding) => finding.ruleId === 'scan-bfla')!;
    assert.equal(bfla.reproduce, `curl -i '${admin.api.url}/admin/users' -H "Authorization: Bearer $RAMPART_ANN_TOKEN"`);
    assert.ok(bfla.evidence.exchanges.every((exchange) => exchange.request.url === `${admin.api.url}/admin/users`));
    assert.match(bfla.evidence.exchanges[1]!.response!.body!, /"role":"admin","motto":"hello admin"/);
  });

  for (const format of FORMATS) {
    it(`${format}: the same report whichever word signed the tokens; $RAMPART_JWT_SECRET stands for no path or value`, () => {
      // The variable appears only where the forged-token recipe reads it (`-hmac "$RAMPART_JWT_SECRET"`).
      assert.doesNotMatch(admin.reports[format]!, /\/\$RAMPART_JWT_SECRET|:\\?"\$RAMPART_JWT_SECRET/);
      assert.equal(normalise(admin.reports[format]!, admin), normalise(hello.reports[format]!, hello));
    });
  }
});
