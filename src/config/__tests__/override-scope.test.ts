import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { CommandIO } from '../../cli/io.js';
import { runCli } from '../../cli/main.js';

/**
 * README, Configuration: "`extends: []` starts from no rules, so `rules` alone decides what runs";
 * `overrides` change severities where they match. A rule named only in an override runs only there.
 */
const root = mkdtempSync(path.join(tmpdir(), 'rampart-override-scope-'));
after(() => rmSync(root, { recursive: true, force: true }));

// Both files lack info.contact and info.description.
const api = "openapi: 3.0.3\ninfo: { title: T, version: '1' }\nservers: [{ url: 'https://api.example.org' }]\npaths: {}\n";
writeFileSync(path.join(root, 'main.yaml'), api);
writeFileSync(path.join(root, 'legacy.yaml'), api);

const cases: { name: string; config: string; findings: string[] }[] = [
  {
    name: 'a rule named only in an override runs only in the files it matches',
    config: 'extends: []\nrules:\n  info-contact: warn\noverrides:\n  - files: ["legacy.yaml"]\n    rules: { info-description: error }\n',
    findings: ['info-contact warning legacy.yaml', 'info-contact warning main.yaml', 'info-description error legacy.yaml'],
  },
  {
    name: 'an override pointer scopes it to that part of the file',
    config: 'extends: []\noverrides:\n  - files: ["main.yaml#/paths"]\n    rules: { info-description: error }\n',
    findings: [],
  },
  {
    name: 'a rule also in `rules` runs everywhere, with the override\'s severity where it matches',
    config: 'extends: []\nrules:\n  info-description: warn\noverrides:\n  - files: ["legacy.yaml"]\n    rules: { info-description: error }\n',
    findings: ['info-description error legacy.yaml', 'info-description warning main.yaml'],
  },
  {
    name: 'a rule of the extended rulesets keeps running outside the override',
    config: 'extends: [spectral:oas]\noverrides:\n  - files: ["legacy.yaml"]\n    rules: { info-contact: off }\n',
    findings: ['info-contact warning main.yaml', 'info-description warning legacy.yaml', 'info-description warning main.yaml'],
  },
];

for (const { name, config, findings } of cases) {
  test(`override scope: ${name}`, async () => {
    writeFileSync(path.join(root, 'rampart.yaml'), config);
    let stdout = '';
    let stderr = '';
    const io: CommandIO = { cwd: root, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), isTTY: false, env: {} };
    await runCli(['lint', 'main.yaml', 'legacy.yaml', '--format', 'json'], io);
    assert.equal(stderr, '');
    const report = JSON.parse(stdout) as { findings: { ruleId: string; severity: string; location: { file: string } }[] };
    assert.deepEqual(report.findings.map((finding) => `${finding.ruleId} ${finding.severity} ${finding.location.file}`).sort(), findings);
  });
}
