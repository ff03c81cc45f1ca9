import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { knownRuleDefinitions } from '../config/known-rules.js';
import { resolveLintSettings, type LintFlagValues } from '../config/lint-settings.js';
import { loadConfig } from '../config/load.js';
import { CONFIG_FILE_NAMES } from '../config/schema.js';
import { RampartError } from '../core/errors.js';
import { expandInputs } from '../core/files.js';
import { countBySeverity, type Finding } from '../core/finding.js';
import { isAtLeast, type Severity } from '../core/severity.js';
import { applyBaseline, parseBaseline, serializeBaseline, updateBaseline, type Baseline } from '../lint/baseline.js';
import { lint } from '../lint/lint.js';
import { decodeText, MAX_FILE_BYTES } from '../spec/source.js';
import type { RuleDefinition } from '../lint/rule-settings.js';
import type { RuleInfo } from '../report/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { CommandIO } from './io.js';
import { useColor } from './io.js';
import { FORMAT_HELP, parseFormats, writeOutputs, writeOutputText } from './output.js';
import { loadRulesets } from './selection.js';

export interface LintFlags extends LintFlagValues {
  color?: boolean;
  /** A file from `--config`, or false from `--no-config`. */
  config?: string | false;
  updateBaseline?: boolean;
  /** The path standard input (`-`) stands for: where its relative $refs start and how it is reported. */
  stdinFilepath?: string;
}

/** `--config`'s help, naming every file discovery looks for (shared with `score`). */
export const CONFIG_OPTION_HELP = `configuration file (default: ${CONFIG_FILE_NAMES.slice(0, -1).join(', ')} or ${CONFIG_FILE_NAMES.at(-1)} found upward)`;

export function registerLint(program: Command, run: (action: () => Promise<number>) => Promise<void>, io: CommandIO): void {
  program
    .command('lint')
    .description('Lint Swagger 2.0 / OpenAPI 3.x descriptions (files or globs).')
    .argument('[files...]', 'API descriptions: files or globs such as "api/**/*.yaml", or - for standard input')
    .option('-r, --ruleset <file>', 'ruleset file (Spectral format) or built-in name; repeatable; replaces the defaults and the config\'s extends', collect)
    .option('-f, --format <format[:file]>', FORMAT_HELP, collect)
    .option('-c, --config <file>', CONFIG_OPTION_HELP)
    .option('--no-config', 'ignore configuration files')
    .option('--fail-severity <severity>', 'exit 1 when a finding is at or above this severity: error (default), warning, info, hint')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('-q, --quiet', 'report errors only')
    .option('--baseline <file>', 'accept the findings recorded in this file: only new findings are reported and fail')
    .option('--update-baseline', 'write the current findings to the baseline file and exit 0')
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .option('--allow-remote', 'follow http(s) $refs')
    .option('--allow-outside-root', 'follow $refs to files outside the working directory and the document folder')
    .option('--allow-custom-functions', 'allow JavaScript functions from ruleset files')
    .option('--stdin-filepath <path>', 'lint standard input as if it were this file (its $refs, overrides and baseline entries follow the path)')
    .action((files: string[], flags: LintFlags) => run(() => lintCommand(files, flags, io)));
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export async function lintCommand(files: string[], flags: LintFlags, io: CommandIO): Promise<number> {
  const loaded = loadConfig(io.cwd, flags.config);
  const settings = await resolveLintSettings(loaded, flags, { cwd: io.cwd, loadRulesets, knownRules: await knownRuleDefinitions() });
  const targets = parseFormats(settings.formats, undefined, settings.formatOrigin);
  if (flags.updateBaseline && !settings.baseline) {
    throw new RampartError('RAMPART_USAGE', '--update-baseline needs a file: give --baseline <file> or lint.baseline in the configuration');
  }
  const baselineFile = settings.baseline;
  const baselinePlace = baselineFile ? { cwd: io.cwd, baselineDir: path.dirname(baselineFile) } : undefined;
  const baseline = baselineFile && !flags.updateBaseline ? readBaseline(baselineFile, io.cwd) : undefined;

  const stdin = await stdinDocument(files, flags.stdinFilepath, io);
  const onDisk = files.filter((file) => file !== '-');
  // RAMPART_TIMING=1 prints the slowest rules, as ESLint's TIMING=1 does.
  const timings = io.env.RAMPART_TIMING ? new Map<string, number>() : undefined;
  // Standard input stands in for the file it names: a glob that also matches that file must not lint it twice.
  const stdinPath = stdin && path.resolve(io.cwd, stdin.file);
  const fromDisk = withoutOwnFiles(onDisk, io.cwd, [baselineFile, settings.configFile]).filter((file) => file !== stdinPath);
  const result = await lint([...(stdin ? [stdin.file] : []), ...fromDisk], {
    cwd: io.cwd,
    selection: settings.selection,
    allowRemote: settings.allowRemote,
    allowOutsideRoot: settings.allowOutsideRoot,
    timings,
    ...(stdin && { overlay: stdin.overlay }),
  });
  if (timings) io.stderr(timingTable(timings));
  for (const error of result.errors) io.stderr(`${TOOL_NAME}: ${error.toOneLine()}\n`);
  // Nothing could be read: the error lines say it all, a report would only claim "no problems".
  if (result.documents.length === 0 && result.errors.length > 0) return 2;

  let findings: Finding[] = result.findings;
  if (flags.updateBaseline && baselineFile && baselinePlace) {
    if (result.errors.length > 0) return 2; // a partial baseline would silently drop the unreadable files' findings
    const previous = existsSync(baselineFile) ? readBaseline(baselineFile, io.cwd) : undefined;
    const created = updateBaseline(previous, findings, result.documents.map((document) => document.file), baselinePlace);
    writeOutputText(displayPath(baselineFile, io.cwd), io.cwd, 'baseline', serializeBaseline(created));
    io.stderr(`${TOOL_NAME}: wrote ${created.findings.length} ${created.findings.length === 1 ? 'finding' : 'findings'} to ${displayPath(baselineFile, io.cwd)}\n`);
    findings = applyBaseline(findings, created, baselinePlace);
  } else if (baseline && baselinePlace) {
    findings = applyBaseline(findings, baseline, baselinePlace);
  }
  if (settings.quiet) findings = findings.filter((finding) => finding.severity === 'error');

  writeOutputs(targets, findings, {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    cwd: io.cwd,
    command: 'lint',
    rules: ruleInfos(result.rules),
    color: useColor(io, flags.color),
    inputs: result.documents.map((document) => document.file),
  }, io);

  if (result.errors.length > 0) return 2;
  if (flags.updateBaseline) return 0;
  return exitCodeFor(findings, settings.failSeverity, settings.maxWarnings);
}

/**
 * Standard input as a document, as Spectral and ESLint editors use it: `-` among the files, or
 * `--stdin-filepath` alone. It is read once, in memory, under the path it stands for, so its relative
 * `$refs` resolve from that folder on disk.
 */
async function stdinDocument(files: readonly string[], stdinFilepath: string | undefined, io: CommandIO): Promise<{ file: string; overlay: Map<string, string> } | undefined> {
  const dashes = files.filter((file) => file === '-').length;
  if (files.length === 0 && stdinFilepath === undefined) throw new RampartError('RAMPART_USAGE', 'no API description given: name files or globs, or - for standard input');
  if (dashes > 1) throw new RampartError('RAMPART_USAGE', '- (standard input) can be given once');
  if (dashes === 0 && files.length > 0) {
    if (stdinFilepath !== undefined) throw new RampartError('RAMPART_USAGE', '--stdin-filepath names standard input: give - among the files, or no files');
    return undefined;
  }
  const file = stdinFilepath ?? '<stdin>';
  if (stdinFilepath !== undefined && (stdinFilepath.trim() === '' || /^https?:\/\//i.test(stdinFilepath))) {
    throw new RampartError('RAMPART_USAGE', `--stdin-filepath: expected a file path, got "${stdinFilepath}"`);
  }
  if (!io.readStdin) throw new RampartError('RAMPART_USAGE', 'standard input is not available here: pass the document as a file');
  const bytes = await io.readStdin(MAX_FILE_BYTES + 1);
  if (bytes === undefined) throw new RampartError('RAMPART_USAGE', 'standard input is a terminal: pipe the description into rampart lint -');
  // Too large, binary or not UTF-8: the same one-line errors as for a file.
  const text = decodeText(bytes, file);
  return { file, overlay: new Map([[path.resolve(io.cwd, file), text]]) };
}

/**
 * Expands globs, leaving out Rampart's own files they happen to match (configuration files, the
 * one in use, the baseline): `rampart lint "*.yaml"` next to a rampart.yaml lints the API descriptions only.
 * Files named literally are kept.
 */
function withoutOwnFiles(patterns: readonly string[], cwd: string, ownFiles: readonly (string | undefined)[]): string[] {
  const own = (file: string) => ownFiles.includes(file) || (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(file));
  return patterns.flatMap((pattern) => {
    const matched = expandInputs([pattern], cwd);
    const literal = matched.length === 1 && matched[0] === path.resolve(cwd, pattern);
    if (literal) return matched;
    const kept = matched.filter((file) => !own(file));
    if (kept.length === 0) throw new RampartError('RAMPART_FILE_NOT_FOUND', "the glob matched only Rampart's own files (configuration, baseline)", { position: { file: pattern } });
    return kept;
  });
}

function readBaseline(file: string, cwd: string): Baseline {
  const shown = displayPath(file, cwd);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new RampartError('RAMPART_USAGE', 'the baseline is a folder, not a file', { position: { file: shown } });
    throw new RampartError('RAMPART_FILE_NOT_FOUND', 'baseline file not found (create it with --update-baseline)', { position: { file: shown } });
  }
  return parseBaseline(text, file, shown);
}

function displayPath(file: string, cwd: string): string {
  return path.relative(cwd, file) || path.basename(file);
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
      docs: definition.builtin?.meta.docs,
    });
  }
  return infos;
}

function timingTable(timings: ReadonlyMap<string, number>): string {
  const rows = [...timings].sort((a, b) => b[1] - a[1]).slice(0, 15);
  const total = [...timings.values()].reduce((sum, ms) => sum + ms, 0);
  const width = Math.max(4, ...rows.map(([id]) => id.length));
  const lines = [`${'Rule'.padEnd(width)}  Time (ms)  Relative`];
  for (const [id, ms] of rows) lines.push(`${id.padEnd(width)}  ${ms.toFixed(1).padStart(9)}  ${((ms / (total || 1)) * 100).toFixed(1).padStart(7)}%`);
  return lines.join('\n') + '\n';
}
