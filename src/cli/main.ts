import { Command, CommanderError } from 'commander';
import { isRampartError } from '../core/errors.js';
export { setUserModuleImporter } from '../core/user-module.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { processIO, type CommandIO } from './io.js';

type Register = (program: Command, run: (action: () => Promise<number>) => Promise<void>, io: CommandIO) => void;

/**
 * Commands by name, each loaded only when needed: `rampart lint` should not pay for the scanner,
 * the proxy and the HTML report at start-up. `--help` (or an unknown command) loads them all.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  lint: async () => (await import('./lint.js')).registerLint,
  score: async () => (await import('./score.js')).registerScore,
  diff: async () => (await import('./diff.js')).registerDiff,
  discover: async () => (await import('./discover.js')).registerDiscover,
  scan: async () => (await import('./scan.js')).registerScan,
  proxy: async () => (await import('./proxy.js')).registerProxy,
};

/** The subcommand named on the command line, if it is one we know. */
function commandNamed(argv: readonly string[]): string | undefined {
  const first = argv.find((arg) => !arg.startsWith('-'));
  return first !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, first) ? first : undefined;
}

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
        // Commander puts its suggestion on a line of its own: "(Did you mean --format?)".
        usageError ??= text.trim().replace(/^error:\s*/, '').replace(/\s*[\r\n]+\s*/g, ' ');
      },
    });
  try {
    const named = commandNamed(argv);
    for (const name of named ? [named] : Object.keys(COMMANDS)) (await COMMANDS[name]!())(program, run, io);
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
