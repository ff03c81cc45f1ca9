import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { RampartError } from '../core/errors.js';
import { ensureDirectory } from '../core/files.js';
import { ByteSink } from './byte-sink.js';
import type { CommandIO } from './io.js';
import { whyUnwritable } from './unwritable.js';
import type { Finding } from '../core/finding.js';
import { chunkedReporters, isReporterName, reporters, type ReporterName } from '../report/index.js';
import type { ReportContext } from '../report/types.js';

export interface OutputTarget {
  format: ReporterName;
  /** Absent: standard output. */
  file?: string;
}

/**
 * Where `--format` values come from. From the command line a mistake is a usage error; from a
 * configuration file it points at the entry (`rampart.yaml:3:5: lint.format[1]: …`).
 */
export interface FormatOrigin {
  /** How the user wrote it, for messages: `--format`, or none in a configuration file. */
  option?: string;
  fail(message: string, index?: number): RampartError;
}

const COMMAND_LINE: FormatOrigin = { option: '--format', fail: (message) => new RampartError('RAMPART_USAGE', message) };

/** `--format`'s help text, from the reporters (every command takes every format). */
export const FORMAT_HELP = `${Object.keys(reporters).join(', ')} (default stylish); repeatable, at most one without a file`;

/** Parses `--format name[:file]` values; several may be given, at most one without a file. */
export function parseFormats(values: readonly string[] | undefined, fallback: ReporterName = 'stylish', origin: FormatOrigin = COMMAND_LINE): OutputTarget[] {
  const list = values && values.length > 0 ? values : [fallback];
  const option = origin.option ? `${origin.option} ` : '';
  const targets = list.map((value, index) => {
    const colon = value.indexOf(':');
    const name = colon === -1 ? value : value.slice(0, colon);
    const file = colon === -1 ? undefined : value.slice(colon + 1);
    if (!isReporterName(name)) throw origin.fail(`unknown format "${name}". Available: ${Object.keys(reporters).join(', ')}`, index);
    if (file === '') throw origin.fail(`${option}${name}: missing file name after ":"`, index);
    return { format: name, file };
  });
  if (targets.filter((target) => !target.file).length > 1) {
    throw origin.fail(`only one ${origin.option ?? 'format'} may write to standard output; give the others a file (${option}sarif:report.sarif)`);
  }
  return targets;
}

/** Renders every target, one after the other (never interleaved). */
export function writeOutputs(
  targets: readonly OutputTarget[],
  findings: readonly Finding[],
  context: ReportContext,
  io: Pick<CommandIO, 'stdout' | 'stdoutBytes'>,
): void {
  for (const target of targets) {
    const targetContext = { ...context, color: target.file ? false : context.color };
    const chunked = chunkedReporters[target.format];
    const pieces = chunked ? chunked(findings, targetContext) : [reporters[target.format](findings, targetContext)];
    if (target.file) {
      writeOutputFile(target.file, context.cwd, 'report', (descriptor) => writeAll(pieces, new ByteSink((bytes) => writeFully(descriptor, bytes))));
    } else if (io.stdoutBytes) {
      // The stream may still hold a buffer after write() returns: each flush gets a fresh one.
      writeAll(pieces, new ByteSink(io.stdoutBytes, 1 << 20, false));
    } else {
      for (const text of batched(pieces)) io.stdout(text);
    }
  }
}

/**
 * Writes a file a command produces (a report, a reconstructed description), creating its folder.
 * A path that cannot be written is the user's to fix (exit 2), not a crash (exit 3).
 */
export function writeOutputFile(file: string, cwd: string, what: string, write: (descriptor: number) => void): void {
  const full = path.resolve(cwd, file);
  let descriptor: number;
  try {
    ensureDirectory(path.dirname(full));
    descriptor = openSync(full, 'w');
  } catch (error) {
    throw new RampartError('RAMPART_USAGE', `cannot write the ${what}: ${whyUnwritable(error)}`, { cause: error, position: { file } });
  }
  try {
    write(descriptor);
  } catch (error) {
    // A system call that failed (a full disk) is the machine's to fix; anything else is a bug.
    if ((error as NodeJS.ErrnoException).syscall === undefined) throw error;
    throw new RampartError('RAMPART_OUTPUT_FAILED', `cannot write the ${what}: ${whyUnwritable(error)}`, { cause: error, position: { file } });
  } finally {
    closeSync(descriptor);
  }
}

export function writeOutputText(file: string, cwd: string, what: string, text: string): void {
  writeOutputFile(file, cwd, what, (descriptor) => writeFully(descriptor, Buffer.from(text)));
}

function writeFully(descriptor: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset);
}

function writeAll(pieces: Iterable<string>, sink: ByteSink): void {
  for (const piece of pieces) sink.write(piece);
  sink.end();
}

/** Joins small pieces into writes of about a megabyte: few system calls, and never the whole report at once. */
function* batched(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    pending.push(piece);
    length += piece.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}
