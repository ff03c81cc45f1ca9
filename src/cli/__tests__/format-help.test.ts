import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reporters } from '../../report/index.js';
import type { CommandIO } from '../io.js';
import { runCli } from '../main.js';

/** Every command's --help names every format its --format accepts (all take every reporter). */
for (const command of ['lint', 'score', 'diff', 'discover', 'scan', 'proxy']) {
  test(`rampart ${command} --help names every format --format accepts`, async () => {
    let stdout = '';
    const io: CommandIO = { cwd: process.cwd(), stdout: (text) => void (stdout += text), stderr: () => {}, isTTY: false, env: {} };
    assert.equal(await runCli([command, '--help'], io), 0);
    // Commander wraps long descriptions: take the text up to the next option, compare words.
    const formatText = /-f, --format <format\[:file\]>\s+(.*?)\n\s+-/s.exec(stdout)?.[1]?.replace(/\s+/g, ' ') ?? '';
    assert.notEqual(formatText, '', `no --format option in:\n${stdout}`);
    for (const format of Object.keys(reporters)) assert.match(formatText, new RegExp(`\\b${format}\\b`), `${format} missing from: ${formatText}`);
  });
}
