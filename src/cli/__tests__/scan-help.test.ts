import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reporters } from '../../report/index.js';
import type { CommandIO } from '../io.js';
import { runCli } from '../main.js';

test('rampart scan --help names every format --format accepts', async () => {
  let stdout = '';
  const io: CommandIO = { cwd: process.cwd(), stdout: (text) => void (stdout += text), stderr: () => {}, isTTY: false, env: {} };
  assert.equal(await runCli(['scan', '--help'], io), 0);
  // Commander wraps long descriptions: compare the words, not the line breaks.
  const formatLine = /-f, --format <format\[:file\]>\s+(.*?)\s+--rps/s.exec(stdout)?.[1]?.replace(/\s+/g, ' ') ?? '';
  for (const format of Object.keys(reporters)) assert.match(formatLine, new RegExp(`\\b${format}\\b`), `${format} missing from: ${formatLine}`);
});
