import type { Command } from 'commander';
import { knownRuleDefinitions } from '../config/known-rules.js';
import { resolveLintSettings } from '../config/lint-settings.js';
import { loadConfig } from '../config/load.js';
import { RampartError } from '../core/errors.js';
import { isAtLeast, parseSeverity } from '../core/severity.js';
import { reporters } from '../report/index.js';
import { score } from '../score/score.js';
import { scoreText } from '../score/text.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { CommandIO } from './io.js';
import { useColor } from './io.js';
import { CONFIG_OPTION_HELP, ruleInfos } from './lint.js';
import { FORMAT_HELP, parseFormats, writeOutputs, writeOutputText } from './output.js';
import { loadRulesets } from './selection.js';

export interface ScoreFlags {
  ruleset?: string[];
  format?: string[];
  minScore?: string;
  failSeverity?: string;
  color?: boolean;
  config?: string | false;
  allowRemote?: boolean;
  allowOutsideRoot?: boolean;
  allowCustomFunctions?: boolean;
}

export function registerScore(program: Command, run: (action: () => Promise<number>) => Promise<void>, io: CommandIO): void {
  program
    .command('score')
    .description('Score API descriptions 0-100 (security per OWASP API Top 10 2023, design, documentation) and assign a risk tier 1-3.')
    .argument('<files...>', 'API descriptions: files or globs')
    .option('-r, --ruleset <file>', 'ruleset file or built-in name; repeatable; replaces the defaults (recommended + owasp)', collect)
    .option('-f, --format <format[:file]>', FORMAT_HELP, collect)
    .option('--min-score <n>', 'exit 1 when the overall score of any document is below n (0-100)')
    .option('--fail-severity <severity>', 'also exit 1 when a finding is at or above this severity')
    .option('-c, --config <file>', CONFIG_OPTION_HELP)
    .option('--no-config', 'ignore configuration files')
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .option('--allow-remote', 'follow http(s) $refs')
    .option('--allow-outside-root', 'follow $refs to files outside the working directory and the document folder')
    .option('--allow-custom-functions', 'allow JavaScript functions from ruleset files')
    .action((files: string[], flags: ScoreFlags) => run(() => scoreCommand(files, flags, io)));
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export async function scoreCommand(files: string[], flags: ScoreFlags, io: CommandIO): Promise<number> {
  const minScore = flags.minScore === undefined ? undefined : Number(flags.minScore);
  if (minScore !== undefined && !(Number.isFinite(minScore) && minScore >= 0 && minScore <= 100)) {
    throw new RampartError('RAMPART_USAGE', `--min-score: expected a number from 0 to 100, got "${flags.minScore}"`);
  }
  const failSeverity = flags.failSeverity === undefined ? undefined : parseSeverity(flags.failSeverity);
  if (failSeverity === 'off' || (flags.failSeverity !== undefined && failSeverity === undefined)) {
    throw new RampartError('RAMPART_USAGE', `--fail-severity: expected error, warning, info or hint, got "${flags.failSeverity}"`);
  }
  const loaded = loadConfig(io.cwd, flags.config);
  const settings = await resolveLintSettings(loaded, { ruleset: flags.ruleset, format: flags.format, allowRemote: flags.allowRemote, allowOutsideRoot: flags.allowOutsideRoot, allowCustomFunctions: flags.allowCustomFunctions }, {
    cwd: io.cwd,
    loadRulesets,
    knownRules: await knownRuleDefinitions(),
  });
  const targets = parseFormats(settings.formats, undefined, settings.formatOrigin);
  const result = await score(files, { cwd: io.cwd, selection: settings.selection, allowRemote: settings.allowRemote, allowOutsideRoot: settings.allowOutsideRoot });
  for (const error of result.errors) io.stderr(`${TOOL_NAME}: ${error.toOneLine()}\n`);
  if (!result.score) return 2;

  const context = {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    cwd: io.cwd,
    command: 'score',
    rules: ruleInfos(result.rules),
    color: useColor(io, flags.color),
    inputs: result.documents.map((document) => document.file),
    blocks: { score: result.score },
  };
  // The terminal reporter knows nothing of scores: the score table follows its findings.
  for (const target of targets.filter((entry) => entry.format === 'stylish')) {
    const color = target.file ? false : context.color;
    const text = reporters.stylish(result.findings, { ...context, color }) + '\n' + scoreText(result.score, { color });
    if (target.file) writeOutputText(target.file, io.cwd, 'report', text);
    else io.stdout(text);
  }
  writeOutputs(targets.filter((entry) => entry.format !== 'stylish'), result.findings, context, io);

  if (result.errors.length > 0) return 2;
  if (minScore !== undefined && result.score.documents.some((document) => document.overall < minScore)) {
    io.stderr(`${TOOL_NAME}: score ${result.score.overall} is below --min-score ${minScore}\n`);
    return 1;
  }
  if (failSeverity && result.findings.some((finding) => !finding.suppressed && isAtLeast(finding.severity, failSeverity))) return 1;
  return 0;
}
