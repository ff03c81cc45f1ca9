import type { Finding } from '../core/finding.js';
import type { Command } from 'commander';
import { RampartError } from '../core/errors.js';
import { changeDefinitions, diff, LEVEL_SEVERITY } from '../diff/diff.js';
import { loadRevision } from '../diff/load-revision.js';
import { catalogueEntry } from '../diff/registry.js';
import { LEVELS, type Level } from '../diff/types.js';
import type { RuleInfo } from '../report/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { useColor, type CommandIO } from './io.js';
import { FORMAT_HELP, parseFormats, writeOutputs } from './output.js';

export interface DiffFlags {
  format?: string[];
  failOn?: string;
  versionPolicy?: string;
  requireDeprecation?: boolean;
  requireSunset?: boolean;
  today?: string;
  color?: boolean;
  allowRemote?: boolean;
  allowOutsideRoot?: boolean;
}

export function registerDiff(program: Command, run: (action: () => Promise<number>) => Promise<void>, io: CommandIO): void {
  program
    .command('diff')
    .description('Compare two versions of an API description: breaking changes, changelog, versioning policy.')
    .argument('<base>', 'the earlier version: a file, or rev:path read from git (main:api/openapi.yaml)')
    .argument('<revision>', 'the later version: a file, or rev:path read from git')
    .option('-f, --format <format[:file]>', FORMAT_HELP, collect)
    .option('--fail-on <level>', 'exit 1 when a change at or above this level is present: breaking, warning, info, none', 'breaking')
    .option('--version-policy <policy>', 'major: breaking changes need a semver major bump of info.version; off', 'major')
    .option('--no-require-deprecation', 'do not call a removal without prior deprecation a policy violation')
    .option('--require-sunset', 'removing a deprecated endpoint also needs a sunset date (x-sunset / Sunset header)')
    .option('--today <date>', 'compare sunset dates with this day (YYYY-MM-DD) instead of today')
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .option('--allow-remote', 'follow http(s) $refs')
    .option('--allow-outside-root', 'follow $refs to files outside the working directory and the document folder')
    .action((base: string, revision: string, flags: DiffFlags) => run(() => diffCommand(base, revision, flags, io)));
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export async function diffCommand(baseInput: string, revisionInput: string, flags: DiffFlags, io: CommandIO): Promise<number> {
  const failOn = flags.failOn ?? 'breaking';
  if (failOn !== 'none' && !(LEVELS as readonly string[]).includes(failOn)) {
    throw new RampartError('RAMPART_USAGE', `--fail-on: expected breaking, warning, info or none, got "${failOn}"`);
  }
  const versionBump = flags.versionPolicy ?? 'major';
  if (versionBump !== 'major' && versionBump !== 'off') throw new RampartError('RAMPART_USAGE', `--version-policy: expected major or off, got "${versionBump}"`);
  let now: Date | undefined;
  if (flags.today !== undefined) {
    now = new Date(`${flags.today}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(flags.today) || Number.isNaN(now.getTime())) throw new RampartError('RAMPART_USAGE', `--today: expected YYYY-MM-DD, got "${flags.today}"`);
  }
  const targets = parseFormats(flags.format);
  const loadOptions = { cwd: io.cwd, allowRemote: Boolean(flags.allowRemote), allowOutsideRoot: Boolean(flags.allowOutsideRoot) };
  const base = await loadRevision(baseInput, loadOptions);
  const revision = await loadRevision(revisionInput, loadOptions);
  for (const loaded of [base, revision]) {
    const problem = loaded.document.refProblems[0];
    if (problem) {
      const range = problem.source.range(problem.pointer);
      throw new RampartError('RAMPART_REF_FAILED', problem.message, { position: { file: loaded.fileLabel(problem), line: range.line, column: range.column } });
    }
  }
  const result = diff(base.document, revision.document, {
    now,
    policy: { versionBump, requireDeprecation: flags.requireDeprecation !== false, requireSunset: Boolean(flags.requireSunset) },
    fileLabel: (side, origin) => (side === 'base' ? base : revision).fileLabel(origin),
  });
  const counts: Record<Level, number> = { breaking: 0, warning: 0, info: 0 };
  for (const change of result.changes) counts[change.level]++;
  writeOutputs(
    targets,
    result.findings,
    {
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      cwd: io.cwd,
      command: 'diff',
      rules: ruleInfos(),
      color: useColor(io, flags.color),
      inputs: [base.label, revision.label],
      revisions: [base.revision, revision.revision].filter((rev) => rev !== undefined),
      blocks: { changes: { base: base.label, revision: revision.label, ...counts } },
    },
    io,
  );
  return exitCodeFor(result.findings, failOn as Level | 'none');
}

/** 1 when a change at or above the level is present. */
export function exitCodeFor(findings: readonly Finding[], failOn: Level | 'none'): number {
  if (failOn === 'none') return 0;
  const threshold = LEVELS.indexOf(failOn);
  return findings.some((finding) => !finding.suppressed && LEVELS.indexOf(finding.fields?.level as Level) <= threshold) ? 1 : 0;
}

function ruleInfos(): Map<string, RuleInfo> {
  const infos = new Map<string, RuleInfo>();
  for (const [id, definition] of changeDefinitions) {
    infos.set(id, { id, description: catalogueEntry(id)?.description ?? id, defaultSeverity: LEVEL_SEVERITY[definition.level], owasp: [], cwe: [] });
  }
  return infos;
}

