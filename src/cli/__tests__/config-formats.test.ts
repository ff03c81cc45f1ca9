import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { CommandIO } from '../io.js';
import { runCli } from '../main.js';

/**
 * A bad `lint.format` in the configuration is reported where it is written, as a configuration
 * error, not as a mistake in a `--format` flag the user never passed.
 */
const root = mkdtempSync(path.join(tmpdir(), 'rampart-config-formats-'));
after(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(path.join(root, 'api.yaml'), "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths: {}\n");

const AVAILABLE = 'stylish, json, sarif, junit, github, markdown, changelog, html';
const cases: { name: string; config: string; argv?: string[]; stderr: string }[] = [
  {
    name: 'an unknown format in a list',
    config: 'lint:\n  format: [stylish, "xml:out.xml"]\n',
    stderr: `rampart: rampart.yaml:2:21: lint.format[1]: unknown format "xml". Available: ${AVAILABLE} [RAMPART_CONFIG_INVALID]\n`,
  },
  {
    name: 'an unknown format given alone',
    config: 'lint:\n  format: xml\n',
    stderr: `rampart: rampart.yaml:2:3: lint.format: unknown format "xml". Available: ${AVAILABLE} [RAMPART_CONFIG_INVALID]\n`,
  },
  {
    name: 'two formats for standard output',
    config: 'lint:\n  format: [json, sarif]\n',
    stderr: 'rampart: rampart.yaml:2:3: lint.format: only one format may write to standard output; give the others a file (sarif:report.sarif) [RAMPART_CONFIG_INVALID]\n',
  },
  {
    name: 'a file part left empty',
    config: 'lint:\n  format: ["sarif:"]\n',
    stderr: 'rampart: rampart.yaml:2:12: lint.format[0]: sarif: missing file name after ":" [RAMPART_CONFIG_INVALID]\n',
  },
  {
    name: 'score reads the same setting',
    config: 'lint:\n  format: [stylish, "xml:out.xml"]\n',
    argv: ['score', 'api.yaml'],
    stderr: `rampart: rampart.yaml:2:21: lint.format[1]: unknown format "xml". Available: ${AVAILABLE} [RAMPART_CONFIG_INVALID]\n`,
  },
  {
    name: 'a --format flag replaces the setting, and its mistakes are usage errors',
    config: 'lint:\n  format: json\n',
    argv: ['lint', 'api.yaml', '--format', 'json', '--format', 'sarif'],
    stderr: 'rampart: only one --format may write to standard output; give the others a file (--format sarif:report.sarif) [RAMPART_USAGE]\n',
  },
];

for (const { name, config, argv, stderr } of cases) {
  test(`lint.format in the configuration: ${name}`, async () => {
    writeFileSync(path.join(root, 'rampart.yaml'), config);
    let written = '';
    const io: CommandIO = { cwd: root, stdout: () => {}, stderr: (text) => void (written += text), isTTY: false, env: {} };
    const code = await runCli(argv ?? ['lint', 'api.yaml'], io);
    assert.equal(written, stderr);
    assert.equal(code, 2);
  });
}
