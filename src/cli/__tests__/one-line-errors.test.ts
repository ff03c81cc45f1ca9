import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RampartError } from '../../core/errors.js';
import type { CommandIO } from '../io.js';
import { runCli } from '../main.js';

/** Every error the CLI prints is one line (README: `rampart: file:line:col: message [CODE]`), even when the message it wraps has several. */
const cliCases: { name: string; argv: string[]; stderr: string; io?: Partial<CommandIO> }[] = [
  {
    name: 'a mistyped option',
    argv: ['lint', '--formt', 'json', 'api.yaml'],
    stderr: "rampart: unknown option '--formt' (Did you mean --format?) (see rampart --help) [RAMPART_USAGE]\n",
  },
  {
    name: 'a mistyped command',
    argv: ['lnt', 'api.yaml'],
    stderr: "rampart: unknown command 'lnt' (Did you mean lint?) (see rampart --help) [RAMPART_USAGE]\n",
  },
  {
    name: 'a missing argument',
    argv: ['diff', 'a.yaml'],
    stderr: "rampart: missing required argument 'revision' (see rampart --help) [RAMPART_USAGE]\n",
  },
  {
    name: 'lint without a file (standard input is read only when asked for)',
    argv: ['lint'],
    stderr: 'rampart: no API description given: name files or globs, or - for standard input [RAMPART_USAGE]\n',
  },
  {
    name: 'standard input as a terminal',
    argv: ['lint', '-'],
    io: { readStdin: async () => undefined },
    stderr: 'rampart: standard input is a terminal: pipe the description into rampart lint - [RAMPART_USAGE]\n',
  },
  {
    name: 'standard input asked of a caller that gives none (runCli from a program)',
    argv: ['lint', '-'],
    stderr: 'rampart: standard input is not available here: pass the document as a file [RAMPART_USAGE]\n',
  },
];

for (const { name, argv, stderr, io: extra } of cliCases) {
  test(`one-line usage error: ${name}`, async () => {
    let written = '';
    const io: CommandIO = { cwd: process.cwd(), stdout: () => {}, stderr: (text) => void (written += text), isTTY: false, env: {}, ...extra };
    assert.equal(await runCli(argv, io), 2);
    assert.equal(written, stderr);
  });
}

const oneLineCases: { name: string; error: RampartError; line: string }[] = [
  {
    name: 'a wrapped error message of several lines (Node module loading)',
    error: new RampartError('RAMPART_CONFIG_INVALID', 'cannot load custom function "f": module is not defined in ES module scope\nThis file is being treated as an ES module.', { position: { file: 'rules.yaml', line: 1, column: 13 } }),
    line: 'rules.yaml:1:13: cannot load custom function "f": module is not defined in ES module scope This file is being treated as an ES module. [RAMPART_CONFIG_INVALID]',
  },
  {
    name: 'CRLF and indented continuation lines',
    error: new RampartError('RAMPART_PARSE_FAILED', 'invalid YAML\r\n    at line 3', { position: { file: 'a.yaml' } }),
    line: 'a.yaml: invalid YAML at line 3 [RAMPART_PARSE_FAILED]',
  },
  {
    name: 'a one-line message is unchanged',
    error: new RampartError('RAMPART_FILE_NOT_FOUND', 'no such file', { position: { file: 'x.yaml' } }),
    line: 'x.yaml: no such file [RAMPART_FILE_NOT_FOUND]',
  },
];

for (const { name, error, line } of oneLineCases) {
  test(`toOneLine: ${name}`, () => {
    assert.equal(error.toOneLine(), line);
  });
}
