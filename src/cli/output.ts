import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RampartError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { isReporterName, reporters, type ReporterName } from '../report/index.js';
import type { ReportContext } from '../report/types.js';

export interface OutputTarget {
  format: ReporterName;
  /** Absent: standard output. */
  file?: string;
}

/** Parses `--format name[:file]` values; several may be given, at most one without a file. */
export function parseFormats(values: readonly string[] | undefined, fallback: ReporterName = 'stylish'): OutputTarget[] {
  const list = values && values.length > 0 ? values : [fallback];
  const targets = list.map((value) => {
    const colon = value.indexOf(':');
    const name = colon === -1 ? value : value.slice(0, colon);
    const file = colon === -1 ? undefined : value.slice(colon + 1);
    if (!isReporterName(name)) {
      throw new RampartError('RAMPART_USAGE', `unknown format "${name}". Available: ${Object.keys(reporters).join(', ')}`);
    }
    if (file === '') throw new RampartError('RAMPART_USAGE', `--format ${name}: missing file name after ":"`);
    return { format: name, file };
  });
  if (targets.filter((target) => !target.file).length > 1) {
    throw new RampartError('RAMPART_USAGE', 'only one --format may write to standard output; give the others a file (--format sarif:report.sarif)');
  }
  return targets;
}

/** Renders every target; files are written whole (never interleaved), stdout last. */
export function writeOutputs(targets: readonly OutputTarget[], findings: readonly Finding[], context: ReportContext, stdout: (text: string) => void): void {
  for (const target of targets) {
    const text = reporters[target.format](findings, { ...context, color: target.file ? false : context.color });
    if (target.file) {
      const full = path.resolve(context.cwd, target.file);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    } else {
      stdout(text);
    }
  }
}
