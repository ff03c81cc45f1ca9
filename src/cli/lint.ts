import type { Command } from 'commander';
import { RampartError } from '../core/errors.js';
import { countBySeverity, type Finding } from '../core/finding.js';
import { isAtLeast, parseSeverity, type Severity } from '../core/severity.js';
import { lint } from '../lint/lint.js';
import type { RuleDefinition } from '../lint/rule-settings.js';
import type { RuleInfo } from '../report/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { CommandIO } from './io.js';
import { useColor } from './io.js';
import { parseFormats, writeOutputs } from './output.js';
import { resolveSelection } from './selection.js';

export interface LintFlags {
  ruleset?: string[];
  format?: string[];
  failSeverity?: string;
  maxWarnings?: string;
  quiet?: boolean;
  color?: boolean;
  allowRemote?: boolean;
  allowOutsideRoot?: boolean;
  allowCustomFunctions?: boolean;
}

export function registerLint(program: Command, run: (action: () => Promise<number>) => Promise<void>, io: CommandIO): void {
  program
    .command('lint')
    .description('Lint Swagger 2.0 / OpenAPI 3.x descriptions (files or globs).')
    .argument('<files...>', 'API descriptions: files or globs such as "api/**/*.yaml"')
    .option('-r, --ruleset <file>', 'ruleset file (Spectral format) or built-in name; repeatable; replaces the defaults', collect)
    .option('-f, --format <format[:file]>', 'stylish (default), json, sarif, junit, github, markdown; repeatable', collect)
    .option('--fail-severity <severity>', 'exit 1 when a finding is at or above this severity: error, warning, info, hint', 'error')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('-q, --quiet', 'report errors only')
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .option('--allow-remote', 'follow http(s) $refs')
    .option('--allow-outside-root', 'follow $refs to files outside the working directory and the document folder')
    .option('--allow-custom-functions', 'allow JavaScript functions from ruleset files')
    .action((files: string[], flags: LintFlags) => run(() => lintCommand(files, flags, io)));
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export async function lintCommand(files: string[], flags: LintFlags, io: CommandIO): Promise<number> {
  const failSeverity = parseSeverity(flags.failSeverity ?? 'error');
  if (!failSeverity || failSeverity === 'off') throw new RampartError('RAMPART_USAGE', `--fail-severity: expected error, warning, info or hint, got "${flags.failSeverity}"`);
  const maxWarnings = flags.maxWarnings === undefined ? undefined : Number(flags.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    throw new RampartError('RAMPART_USAGE', `--max-warnings: expected an integer ≥ 0, got "${flags.maxWarnings}"`);
  }
  const targets = parseFormats(flags.format);
  const selection = await resolveSelection({ rulesets: flags.ruleset, cwd: io.cwd, allowCustomFunctions: Boolean(flags.allowCustomFunctions) });
  const result = await lint(files, {
    cwd: io.cwd,
    selection,
    allowRemote: Boolean(flags.allowRemote),
    allowOutsideRoot: Boolean(flags.allowOutsideRoot),
  });
  for (const error of result.errors) io.stderr(`${TOOL_NAME}: ${error.toOneLine()}\n`);

  const findings: Finding[] = flags.quiet ? result.findings.filter((finding) => finding.severity === 'error') : result.findings;
  writeOutputs(targets, findings, {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    cwd: io.cwd,
    command: 'lint',
    rules: ruleInfos(result.rules),
    color: useColor(io, flags.color),
    inputs: result.documents.map((document) => document.file),
  }, io.stdout);

  if (result.errors.length > 0) return 2;
  return exitCodeFor(findings, failSeverity, maxWarnings);
}

export function exitCodeFor(findings: readonly Finding[], failSeverity: Severity, maxWarnings?: number): number {
  const active = findings.filter((finding) => !finding.suppressed);
  if (active.some((finding) => isAtLeast(finding.severity, failSeverity))) return 1;
  if (maxWarnings !== undefined && countBySeverity(active).warning > maxWarnings) return 1;
  return 0;
}

export function ruleInfos(definitions: ReadonlyMap<string, RuleDefinition>): Map<string, RuleInfo> {
  const infos = new Map<string, RuleInfo>();
  for (const [id, definition] of definitions) {
    infos.set(id, {
      id,
      description: definition.description,
      defaultSeverity: definition.defaultSeverity,
      docsUrl: definition.docsUrl,
      help: definition.help,
      owasp: definition.owasp,
      cwe: definition.cwe,
    });
  }
  return infos;
}
