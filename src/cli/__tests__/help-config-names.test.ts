import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONFIG_FILE_NAMES } from '../../config/schema.js';
import type { CommandIO } from '../io.js';
import { runCli } from '../main.js';

/** `--help` of the commands that read rampart.yaml names every file name discovery looks for, and no other. */
const cases: { command: string }[] = [{ command: 'lint' }, { command: 'score' }];

async function help(command: string): Promise<string> {
  let stdout = '';
  const io: CommandIO = { cwd: process.cwd(), stdout: (text) => void (stdout += text), stderr: () => {}, isTTY: false, env: {} };
  assert.equal(await runCli([command, '--help'], io), 0);
  // Commander wraps long descriptions: compare the words, not the line breaks.
  return stdout.replace(/\s+/g, ' ');
}

for (const { command } of cases) {
  test(`rampart ${command} --help names the configuration files it discovers`, async () => {
    const text = await help(command);
    const configLine = /-c, --config <file> (.*?) --no-config/.exec(text)?.[1] ?? '';
    const named = [...configLine.matchAll(/\.?rampart[\w.*]*\.(?:ya?ml|json|\*)/g)].map((match) => match[0]);
    assert.deepEqual(named, [...CONFIG_FILE_NAMES]);
  });
}
