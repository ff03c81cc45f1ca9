import { RampartError } from '../core/errors.js';
import { whyUnwritable } from './unwritable.js';

/** Where a command writes. Injected so tests can run commands in-process and capture everything. */
export interface CommandIO {
  cwd: string;
  stdout: (text: string) => void;
  /** Raw bytes to standard output, for large reports (encoded once, never joined into one string). */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  /** Standard output is a terminal (colours, progress). */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** All of standard input, up to `limit` bytes (more is cut there); undefined when it is a terminal. */
  readStdin?: (limit: number) => Promise<Uint8Array | undefined>;
}

export function processIO(): CommandIO {
  // A reader that stops early (`rampart lint … | head`) closes the pipe. The rest of the report has
  // nowhere to go, which is no error of the run: drop it and keep the run's exit code. Any other
  // failure (a full disk behind `> report.json`) loses the report: one line and exit 2, which
  // bin/rampart.js keeps over the run's own code.
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutClosed = true;
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    const failure = new RampartError('RAMPART_OUTPUT_FAILED', `cannot write to standard output: ${whyUnwritable(error)}`, { cause: error });
    process.stderr.write(`rampart: ${failure.toOneLine()}\n`);
    process.exitCode = failure.exitCode;
  });
  return {
    cwd: process.cwd(),
    stdout: (text) => void (stdoutClosed || process.stdout.write(text)),
    stdoutBytes: (bytes) => void (stdoutClosed || process.stdout.write(bytes)),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    readStdin,
  };
}

/** Reads standard input to its end, keeping at most `limit` bytes; a terminal is not waited on. */
async function readStdin(limit: number): Promise<Uint8Array | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    if (size >= limit) break;
    chunks.push(chunk);
    size += chunk.length;
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

/** NO_COLOR and FORCE_COLOR win over the TTY check, as most CLIs do. */
export function useColor(io: CommandIO, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}
