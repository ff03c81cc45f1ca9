import path from 'node:path';
import { RampartError } from '../core/errors.js';
import { isDocumentLocation, type Finding } from '../core/finding.js';
import { parseSource } from '../spec/source.js';
import { fingerprintOf } from './engine.js';

/** Version of the baseline file's shape: bump only on breaking changes. */
export const BASELINE_VERSION = 1;

/** One accepted finding. Only `fingerprint` is matched; the rest is there for humans reviewing the file. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  /** Relative to the baseline file's folder, with `/` separators. */
  file: string;
  pointer: string;
  message: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

/**
 * A baseline of the findings that are not already suppressed inline, one entry per fingerprint,
 * sorted so that the file diffs well. Paths are made relative to `baselineDir` so that the
 * baseline matches whichever folder the linter runs from.
 */
export function createBaseline(findings: readonly Finding[], options: { cwd: string; baselineDir: string }): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    if (finding.suppressed) continue;
    const entry = entryFor(finding, options);
    if (entry) entries.set(entry.fingerprint, entry);
  }
  return sortedBaseline(entries.values());
}

/**
 * The baseline after a run over some files: the run's findings, plus the previous entries of files
 * the run did not look at (`lintedFiles`, as the findings show them), so that updating the baseline
 * for one API does not forget the others.
 */
export function updateBaseline(
  previous: Baseline | undefined,
  findings: readonly Finding[],
  lintedFiles: readonly string[],
  options: { cwd: string; baselineDir: string },
): Baseline {
  const current = createBaseline(findings, options);
  if (!previous) return current;
  const looked = new Set(lintedFiles.map((file) => relativeTo(file, options)));
  for (const finding of findings) if (isDocumentLocation(finding.location)) looked.add(relativeTo(finding.location.file, options));
  const kept = previous.findings.filter((entry) => !looked.has(entry.file));
  return sortedBaseline([...kept, ...current.findings]);
}

function sortedBaseline(entries: Iterable<BaselineEntry>): Baseline {
  const unique = new Map<string, BaselineEntry>();
  for (const entry of entries) unique.set(entry.fingerprint, entry);
  const sorted = [...unique.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.pointer.localeCompare(b.pointer) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint),
  );
  return { version: BASELINE_VERSION, findings: sorted };
}

export function serializeBaseline(baseline: Baseline): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}

/**
 * Marks findings whose fingerprint is in the baseline as `suppressed: { kind: 'baseline' }`
 * (they are still listed, not counted). Findings suppressed inline stay as they are.
 */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline, options: { cwd: string; baselineDir: string }): Finding[] {
  const known = new Set(baseline.findings.map((entry) => entry.fingerprint));
  return findings.map((finding) => {
    if (finding.suppressed) return finding;
    const entry = entryFor(finding, options);
    return entry && known.has(entry.fingerprint) ? { ...finding, suppressed: { kind: 'baseline' } } : finding;
  });
}

/** Parses and checks a baseline file's text; errors are RAMPART_CONFIG_INVALID with a position. */
export function parseBaseline(text: string, file: string, displayPath: string): Baseline {
  const source = parseSource(file, displayPath, text);
  const fail = (pointer: string, message: string) => {
    const range = source.range(pointer, { key: true });
    return new RampartError('RAMPART_CONFIG_INVALID', `baseline: ${message}`, { position: { file: displayPath, line: range.line, column: range.column } });
  };
  const value = source.value as { version?: unknown; findings?: unknown } | null;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fail('', 'expected a JSON object with "version" and "findings"');
  if (value.version !== BASELINE_VERSION) throw fail('/version', `unsupported version ${JSON.stringify(value.version)} (supported: ${BASELINE_VERSION})`);
  if (!Array.isArray(value.findings)) throw fail('/findings', 'expected "findings" to be a list');
  const findings: BaselineEntry[] = value.findings.map((entry: unknown, index: number) => {
    const record = entry as Partial<Record<keyof BaselineEntry, unknown>> | null;
    for (const key of ['fingerprint', 'ruleId', 'file', 'pointer', 'message'] as const) {
      if (record === null || typeof record !== 'object' || typeof record[key] !== 'string') throw fail(`/findings/${index}`, `findings[${index}]: expected a string "${key}"`);
    }
    return record as BaselineEntry;
  });
  return { version: BASELINE_VERSION, findings };
}

/**
 * Findings a baseline never accepts: a rule that crashed checked nothing, and accepting its crash
 * would switch it off in CI without anyone noticing.
 */
const NEVER_BASELINED: ReadonlySet<string> = new Set(['rule-crashed']);

function entryFor(finding: Finding, options: { cwd: string; baselineDir: string }): BaselineEntry | undefined {
  if (!isDocumentLocation(finding.location) || NEVER_BASELINED.has(finding.ruleId)) return undefined;
  const { file: shown, pointer } = finding.location;
  const file = relativeTo(shown, options);
  // Equal to the finding's own fingerprint when the linter runs from the baseline's folder.
  return { fingerprint: fingerprintOf(finding.ruleId, file, pointer, finding.message), ruleId: finding.ruleId, file, pointer, message: finding.message };
}

/** A path as findings show it (relative to cwd) → relative to the baseline's folder, with `/`. */
function relativeTo(shown: string, options: { cwd: string; baselineDir: string }): string {
  if (/^https?:\/\//i.test(shown)) return shown;
  return path.relative(options.baselineDir, path.resolve(options.cwd, shown)).split(path.sep).join('/');
}
