import { Command, CommanderError } from 'commander';
import { isRampartError } from '../core/errors.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { processIO, type CommandIO } from './io.js';
import { registerLint } from './lint.js';
import { registerDiscover } from './discover.js';
import { registerDiff } from './diff.js';
import { registerScan } from './scan.js';
import { registerScore } from './score.js';
import { registerProxy } from './proxy.js';

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code:
 * 0 clean, 1 findings at or above the threshold, 2 usage/config/input error, 3 internal error.
 */
export async function runCli(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
  let exitCode = 0;
  const run = async (action: () => Promise<number>) => {
    exitCode = await action();
  };
  // Commander's own errors ("unknown option") are kept and printed as our one-line usage error.
  let usageError: string | undefined;
  const program = new Command()
    .name(TOOL_NAME)
    .description('API quality and security: lint, score, diff, discover, scan, proxy.')
    .version(TOOL_VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text) => {
        usageError ??= text.trim().replace(/^error:\s*/, '');
      },
    });
  registerLint(program, run, io);
  registerDiscover(program, run, io);
  registerDiff(program, run, io);
  registerScan(program, run, io);
  registerScore(program, run, io);
  registerProxy(program, run, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      const message = usageError ?? error.message.replace(/^error:\s*/, '');
      if (usageError !== undefined || error.code !== 'commander.help') io.stderr(`${TOOL_NAME}: ${message} (see ${TOOL_NAME} --help) [RAMPART_USAGE]\n`);
      return 2;
    }
    if (isRampartError(error)) {
      io.stderr(`${TOOL_NAME}: ${error.toOneLine()}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${TOOL_NAME}: internal error: ${message} [RAMPART_INTERNAL]\n`);
    if (io.env.RAMPART_DEBUG) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return 3;
  }
}
