import path from 'node:path';
import { RampartError, isRampartError } from '../core/errors.js';
import { parseSeverity, type Severity } from '../core/severity.js';
import type { RuleDefinition, RuleSelection } from '../lint/rule-settings.js';
import { defaultSelection, mergeSelections } from '../lint/rulesets.js';
import { applyConfigRules } from './apply-rules.js';
import type { LoadedConfig } from './load.js';

/** What the command line says; every value here wins over the configuration file. */
export interface LintFlagValues {
  ruleset?: string[];
  format?: string[];
  failSeverity?: string;
  maxWarnings?: string;
  quiet?: boolean;
  baseline?: string;
  allowRemote?: boolean;
  allowOutsideRoot?: boolean;
  allowCustomFunctions?: boolean;
}

/** Loads rulesets by built-in name or file (relative to `cwd`). */
export type RulesetLoader = (namesOrFiles: readonly string[], options: { cwd: string; allowCustomFunctions: boolean }) => Promise<RuleSelection>;

/** Everything a lint run needs, after flags, configuration and defaults are merged. */
export interface LintSettings {
  selection: RuleSelection;
  failSeverity: Severity;
  maxWarnings?: number;
  quiet: boolean;
  /** `--format` values; file parts from the configuration are made absolute. */
  formats: string[];
  /** When the formats come from the configuration: errors about one of them (by index) or all, located there. */
  formatOrigin?: { fail(message: string, index?: number): RampartError };
  /** Absolute path. */
  baseline?: string;
  allowRemote: boolean;
  allowOutsideRoot: boolean;
  allowCustomFunctions: boolean;
  /** The configuration file used, if any (absolute). */
  configFile?: string;
}

export const DEFAULT_FAIL_SEVERITY: Severity = 'error';

export interface ResolveOptions {
  cwd: string;
  loadRulesets: RulesetLoader;
  /** Every rule id a configuration may name (built-in and core rules). */
  knownRules: ReadonlyMap<string, RuleDefinition>;
}

/** Merges flags over configuration over defaults. Throws RampartError for bad values, with the config position when they come from it. */
export async function resolveLintSettings(loaded: LoadedConfig | undefined, flags: LintFlagValues, options: ResolveOptions): Promise<LintSettings> {
  const config = loaded?.config ?? {};
  const configDir = loaded?.origin.dir ?? options.cwd;
  const lintOptions = config.lint ?? {};

  const failSeverity = flags.failSeverity !== undefined ? parseFailSeverity(flags.failSeverity) : (lintOptions.failSeverity ?? DEFAULT_FAIL_SEVERITY);
  const maxWarnings = flags.maxWarnings !== undefined ? parseMaxWarnings(flags.maxWarnings) : lintOptions.maxWarnings;
  const configFormats = lintOptions.format === undefined ? [] : typeof lintOptions.format === 'string' ? [lintOptions.format] : lintOptions.format;
  const fromFlags = Boolean(flags.format && flags.format.length > 0);
  const formats = fromFlags ? flags.format! : configFormats.map((value) => absoluteFormatFile(value, configDir));
  const formatOrigin =
    fromFlags || !loaded || lintOptions.format === undefined
      ? undefined
      : {
          fail: (message: string, index?: number) =>
            loaded.origin.error(typeof lintOptions.format === 'string' || index === undefined ? '/lint/format' : `/lint/format/${index}`, message),
        };
  const baseline = flags.baseline !== undefined ? path.resolve(options.cwd, flags.baseline) : lintOptions.baseline === undefined ? undefined : path.resolve(configDir, lintOptions.baseline);
  const allowCustomFunctions = Boolean(flags.allowCustomFunctions || config.allowCustomFunctions);

  let selection: RuleSelection;
  if (flags.ruleset && flags.ruleset.length > 0) {
    selection = await options.loadRulesets(flags.ruleset, { cwd: options.cwd, allowCustomFunctions });
  } else if (loaded && config.extends !== undefined) {
    const names = typeof config.extends === 'string' ? [config.extends] : config.extends;
    const parts: RuleSelection[] = [];
    for (const [index, name] of names.entries()) {
      const pointer = typeof config.extends === 'string' ? '/extends' : `/extends/${index}`;
      try {
        parts.push(await options.loadRulesets([name], { cwd: configDir, allowCustomFunctions }));
      } catch (error) {
        // Errors inside a ruleset file carry a line; others (unknown name, missing file) are about this entry.
        if (isRampartError(error) && !error.position?.line) {
          const about = error.position ? `${error.position.file}: ` : '';
          throw loaded.origin.error(pointer, `${about}${error.message}`, error.code);
        }
        throw error;
      }
    }
    selection = mergeSelections(...parts);
  } else {
    selection = defaultSelection();
  }
  if (loaded) selection = applyConfigRules(selection, config, loaded.origin, { cwd: options.cwd, knownRules: options.knownRules });

  return {
    selection,
    failSeverity,
    maxWarnings,
    quiet: Boolean(flags.quiet ?? lintOptions.quiet),
    formats,
    formatOrigin,
    baseline,
    allowRemote: Boolean(flags.allowRemote || config.allowRemote),
    allowOutsideRoot: Boolean(flags.allowOutsideRoot || config.allowOutsideRoot),
    allowCustomFunctions,
    configFile: loaded?.origin.file,
  };
}

function parseFailSeverity(value: string): Severity {
  const severity = parseSeverity(value);
  if (!severity || severity === 'off') throw new RampartError('RAMPART_USAGE', `--fail-severity: expected error, warning, info or hint, got "${value}"`);
  return severity;
}

function parseMaxWarnings(value: string): number {
  const number = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) throw new RampartError('RAMPART_USAGE', `--max-warnings: expected an integer ≥ 0, got "${value}"`);
  return number;
}

/** `json:out.json` in a configuration file writes next to the configuration, not the working directory. */
function absoluteFormatFile(value: string, dir: string): string {
  const colon = value.indexOf(':');
  if (colon === -1 || colon === value.length - 1) return value;
  return `${value.slice(0, colon)}:${path.resolve(dir, value.slice(colon + 1))}`;
}
