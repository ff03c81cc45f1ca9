import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { JSONPath } from 'jsonpath-plus';
import { RampartError, isRampartError } from '../core/errors.js';
import { parseSeverity, type Severity } from '../core/severity.js';
import type { RuleDefinition, RuleOverride, RuleSelection, RuleSetting } from '../lint/rule-settings.js';
import { builtinRulesetNames, builtinSelection, isBuiltinRuleset, mergeSelections } from '../lint/rulesets.js';
import { didYouMean } from '../core/close-matches.js';
import { rebaseGlob } from '../core/rebase-glob.js';
import { joinPointer } from '../spec/pointer.js';
import { parseSource, type Source } from '../spec/source.js';
import { hasTargetedAliases, resolveAlias, type AliasMap } from './aliases.js';
import { importCustomFunction, type CustomFunction } from './custom-functions.js';
import { knownFormats, normalizeFormat } from './formats.js';
import { validateFunctionOptions } from './function-options.js';
import { coreFunctions, isCoreFunctionName } from './functions/index.js';
import { definitionOfSpectralRule, type SpectralRule, type ThenStep } from './spectral-rule.js';
import { isPlainObject } from './types.js';

export interface LoadRulesetOptions {
  /** Where relative ruleset paths start, and what error messages show paths relative to. */
  cwd: string;
  /** Run JavaScript functions a ruleset declares (`functions`). Off by default: it is the ruleset author's code. */
  allowCustomFunctions: boolean;
}

type ExtendMode = 'recommended' | 'all' | 'off';

/** A rule while rulesets merge: one of ours (built-in) or one written in a ruleset file. */
type RuleState =
  | { kind: 'spectral'; rule: SpectralRule; enabled: boolean; owner: string }
  | { kind: 'builtin'; definition: RuleDefinition; severity: Severity | 'off'; recommended: boolean; enabled: boolean; owner: string };

interface LoadedFile {
  rules: Map<string, RuleState>;
  overrides: RuleOverride[];
}

const RULESET_KEYS = new Set(['extends', 'rules', 'aliases', 'overrides', 'formats', 'documentationUrl', 'functions', 'functionsDir', 'description', 'parserOptions']);
const RULE_KEYS = new Set(['given', 'then', 'severity', 'message', 'description', 'formats', 'resolved', 'recommended', 'documentationUrl', 'tags', 'type', 'extensions']);
const THEN_KEYS = new Set(['field', 'function', 'functionOptions']);

function isEnabled(recommended: boolean, mode: ExtendMode): boolean {
  return mode === 'all' || (mode === 'recommended' && recommended);
}

/** `rules.my-rule.then[0].function`: where in the ruleset a problem is, as the message prefix. */
function dotted(segments: readonly (string | number)[]): string {
  return segments.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${segment}`)).join('');
}

/** Reads one ruleset file, with positions for error messages. */
class RulesetFile {
  readonly dir: string;

  constructor(
    readonly source: Source,
    readonly value: Record<string, unknown>,
  ) {
    this.dir = path.dirname(source.uri);
  }

  /** A one-line error naming the place (`rules.x.then`) and, through `positionAt`, its line in the file. */
  fail(segments: readonly (string | number)[], message: string, cause?: unknown, positionAt: readonly (string | number)[] = segments): RampartError {
    const pointer = joinPointer('', ...positionAt);
    const range = this.source.range(pointer, { key: true });
    const prefix = segments.length > 0 ? `${dotted(segments)}: ` : '';
    return new RampartError('RAMPART_CONFIG_INVALID', `${prefix}${message}`, {
      cause,
      position: { file: this.source.displayPath, line: range.line, column: range.column },
    });
  }
}

function readRulesetFile(uri: string, cwd: string): RulesetFile {
  const displayPath = path.relative(cwd, uri) || path.basename(uri);
  if (/\.(c|m)?js$|\.ts$/i.test(uri)) {
    throw new RampartError('RAMPART_CONFIG_INVALID', 'JavaScript rulesets are not supported: write the ruleset in YAML or JSON', { position: { file: displayPath } });
  }
  let text: string;
  try {
    if (statSync(uri).isDirectory()) throw new RampartError('RAMPART_FILE_NOT_FOUND', 'is a directory, not a ruleset file', { position: { file: displayPath } });
    text = readFileSync(uri, 'utf8');
  } catch (error) {
    if (isRampartError(error)) throw error;
    let reason = (error as Error).message;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      // `-r owsap`: a typo of a built-in name reads as a missing file; say which name was meant.
      const hint = didYouMean(path.basename(uri), builtinRulesetNames());
      reason = hint ? `no such ruleset file.${hint}` : 'no such ruleset file';
    }
    throw new RampartError('RAMPART_FILE_NOT_FOUND', reason, { cause: error, position: { file: displayPath } });
  }
  const source = parseSource(uri, displayPath, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!isPlainObject(source.value)) {
    throw new RampartError('RAMPART_CONFIG_INVALID', 'a ruleset must be a mapping (with "extends" and/or "rules")', { position: { file: displayPath, line: 1, column: 1 } });
  }
  return new RulesetFile(source, source.value);
}

interface LoadContext {
  options: LoadRulesetOptions;
  /** Files being loaded, outermost first: an `extends` back into one of them is a cycle and is skipped, as in Spectral. */
  stack: string[];
  /** Formats mentioned anywhere in the ruleset being loaded (shared by every file it extends). */
  registeredFormats: Set<string>;
}

/** Loads one ruleset file and everything it extends, into merged rule states. */
async function loadFile(uri: string, mode: ExtendMode, explicit: boolean, context: LoadContext): Promise<LoadedFile> {
  const file = readRulesetFile(uri, context.options.cwd);
  const isTop = context.stack.length === 0;
  const stack = [...context.stack, uri];
  const definition = file.value;
  for (const key of Object.keys(definition)) {
    if (!RULESET_KEYS.has(key)) throw file.fail([key], `unknown ruleset property. Allowed: ${[...RULESET_KEYS].join(', ')}`);
  }
  const fileFormats = definition.formats === undefined ? null : parseFormats(file, ['formats'], definition.formats);
  for (const format of fileFormats ?? []) context.registeredFormats.add(format);
  const aliases = parseAliases(file, definition.aliases);
  const functions = await loadFunctions(file, context.options);
  const documentationUrl = optionalString(file, ['documentationUrl'], definition.documentationUrl);

  const rules = new Map<string, RuleState>();
  for (const [index, entry] of extendsEntries(file, definition.extends).entries()) {
    const [name, childMode, childExplicit] = entry;
    const at = Array.isArray(definition.extends) ? ['extends', index] : ['extends'];
    let inherited: Map<string, RuleState>;
    if (isBuiltinRuleset(name)) {
      inherited = builtinStates(name, childMode);
      // Built-in rulesets register the OpenAPI formats, as spectral:oas does.
      for (const format of ['oas2', 'oas3', 'oas3_0', 'oas3_1']) context.registeredFormats.add(format);
    } else {
      if (/^https?:\/\//i.test(name) || !/^\.{0,2}[\\/]|\.(ya?ml|json)$/i.test(name)) {
        throw file.fail(at, `cannot extend "${name}": use a built-in ruleset (spectral:oas, recommended, owasp, rampart:recommended, rampart:owasp) or a relative YAML/JSON file`);
      }
      const childUri = path.resolve(file.dir, name);
      if (stack.includes(childUri)) continue;
      try {
        inherited = (await loadFile(childUri, childMode, childExplicit, { ...context, stack })).rules;
      } catch (error) {
        if (isRampartError(error) && error.code === 'RAMPART_FILE_NOT_FOUND' && error.position?.file === (path.relative(context.options.cwd, childUri) || path.basename(childUri))) {
          throw file.fail(at, `cannot extend "${name}": ${error.message}`, error);
        }
        throw error;
      }
    }
    for (const [ruleName, state] of inherited) {
      const copy = cloneState(state);
      if (!isTop && explicit) copy.enabled = isEnabled(recommendedOf(copy), mode);
      rules.set(ruleName, copy);
    }
  }

  if (definition.rules !== undefined) {
    if (!isPlainObject(definition.rules)) throw file.fail(['rules'], 'must be a mapping of rule names to rules');
    for (const [name, raw] of Object.entries(definition.rules)) {
      const at = ['rules', name];
      const existing = rules.get(name);
      let state: RuleState;
      if (typeof raw === 'boolean') {
        if (!existing) throw file.fail(at, `cannot toggle rule "${name}": no extended ruleset defines it`);
        state = existing;
        state.enabled = raw;
      } else if (typeof raw === 'string' || typeof raw === 'number') {
        if (!existing) throw file.fail(at, `cannot set the severity of rule "${name}": no extended ruleset defines it`);
        const severity = ruleSeverity(file, at, raw);
        state = existing;
        setSeverity(state, severity);
        state.enabled = severity !== 'off';
      } else if (isPlainObject(raw)) {
        state = await ruleFromObject(file, name, raw, existing, { aliases, functions, fileFormats, options: context.options, registeredFormats: context.registeredFormats });
        if (state.kind === 'spectral') for (const format of state.rule.formats ?? []) context.registeredFormats.add(format);
      } else {
        throw file.fail(at, 'a rule must be a mapping (given, then, …), a severity, or true/false');
      }
      if (state.owner === uri || explicit) state.enabled = isEnabled(recommendedOf(state), mode);
      if (documentationUrl !== undefined && state.kind === 'spectral' && state.rule.documentationUrl === null) {
        state.rule.documentationUrl = `${documentationUrl}#${name}`;
      }
      rules.set(name, state);
    }
  }

  const overrides = isTop && definition.overrides !== undefined ? parseOverrides(file, definition.overrides, rules, context.options.cwd) : [];
  return { rules, overrides };
}

function recommendedOf(state: RuleState): boolean {
  return state.kind === 'spectral' ? state.rule.recommended : state.recommended;
}

function setSeverity(state: RuleState, severity: Severity | 'off'): void {
  if (state.kind === 'spectral') state.rule.severity = severity;
  else state.severity = severity;
}

function cloneState(state: RuleState): RuleState {
  return state.kind === 'spectral' ? { ...state, rule: { ...state.rule } } : { ...state };
}

function builtinStates(name: string, mode: ExtendMode): Map<string, RuleState> {
  const selection = builtinSelection(name, 'all');
  const states = new Map<string, RuleState>();
  for (const [id, definition] of selection.definitions) {
    states.set(id, {
      kind: 'builtin',
      definition,
      severity: definition.defaultSeverity,
      recommended: definition.recommended,
      enabled: isEnabled(definition.recommended, mode),
      owner: `builtin:${name}`,
    });
  }
  return states;
}

function extendsEntries(file: RulesetFile, value: unknown): [string, ExtendMode, boolean][] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry, index) => {
    const at = Array.isArray(value) ? ['extends', index] : ['extends'];
    if (typeof entry === 'string' && entry.length > 0) return [entry, 'recommended', false];
    if (Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && ['all', 'recommended', 'off'].includes(entry[1] as string)) {
      return [entry[0], entry[1] as ExtendMode, true];
    }
    throw file.fail(at, 'expected a ruleset name or file, or [name, "all" | "recommended" | "off"]');
  });
}

function optionalString(file: RulesetFile, at: (string | number)[], value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw file.fail(at, 'must be a string');
  return value;
}

function parseFormats(file: RulesetFile, at: (string | number)[], value: unknown): ReadonlySet<string> {
  if (!Array.isArray(value)) throw file.fail(at, 'must be a list of formats, e.g. [oas2, oas3]');
  const formats = new Set<string>();
  value.forEach((name, index) => {
    const format = typeof name === 'string' ? normalizeFormat(name) : undefined;
    if (!format) throw file.fail([...at, index], `unknown format ${JSON.stringify(name)}. Known: ${knownFormats().join(', ')}`);
    formats.add(format);
  });
  return formats;
}

function parseAliases(file: RulesetFile, value: unknown): AliasMap | null {
  if (value === undefined) return null;
  if (!isPlainObject(value)) throw file.fail(['aliases'], 'must be a mapping of alias names to JSONPath lists');
  const aliases: AliasMap = {};
  for (const [name, alias] of Object.entries(value)) {
    const at = ['aliases', name];
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) throw file.fail(at, 'to avoid confusion the name must match /^[A-Za-z][A-Za-z0-9_-]*$/ regular expression');
    if (Array.isArray(alias)) {
      if (alias.length === 0 || !alias.every((item) => typeof item === 'string' && item.length > 0)) throw file.fail(at, 'must be a non-empty list of JSONPath expressions');
      aliases[name] = alias as string[];
    } else if (isPlainObject(alias) && Array.isArray(alias.targets) && alias.targets.length > 0) {
      const targets = alias.targets.map((target, index) => {
        const targetAt = [...at, 'targets', index];
        if (!isPlainObject(target) || !Array.isArray(target.given) || !target.given.every((item) => typeof item === 'string')) {
          throw file.fail(targetAt, 'a target needs "formats" and "given" (a list of JSONPath expressions)');
        }
        const formats = [...parseFormats(file, [...targetAt, 'formats'], target.formats)];
        return { formats, given: target.given as string[] };
      });
      aliases[name] = { targets };
    } else {
      throw file.fail(at, 'must be a list of JSONPath expressions, or { targets: [{ formats, given }] }');
    }
  }
  // Catch unknown and circular aliases now, with a position, rather than when linting.
  for (const name of Object.keys(aliases)) {
    try {
      resolveAlias(aliases, `#${name}`, null);
    } catch (error) {
      throw file.fail(['aliases', name], (error as Error).message, error);
    }
  }
  return aliases;
}

async function loadFunctions(file: RulesetFile, options: LoadRulesetOptions): Promise<Map<string, CustomFunction>> {
  const functions = new Map<string, CustomFunction>();
  const declared = file.value.functions;
  if (declared === undefined) return functions;
  if (!Array.isArray(declared) || !declared.every((name) => typeof name === 'string' && name.length > 0)) {
    throw file.fail(['functions'], 'must be a list of function names');
  }
  const functionsDir = optionalString(file, ['functionsDir'], file.value.functionsDir) ?? 'functions';
  for (const [index, name] of (declared as string[]).entries()) {
    if (!options.allowCustomFunctions) {
      throw file.fail(['functions', index], `custom function "${name}" is JavaScript from the ruleset; Rampart runs it only with --allow-custom-functions`);
    }
    try {
      functions.set(name, await importCustomFunction(file.source.uri, functionsDir, name));
    } catch (error) {
      throw file.fail(['functions', index], `cannot load custom function "${name}": ${(error as Error).message}`, error);
    }
  }
  return functions;
}

function ruleSeverity(file: RulesetFile, at: (string | number)[], value: unknown): Severity | 'off' {
  const severity = parseSeverity(value);
  if (severity === undefined) throw file.fail(at, `invalid severity ${JSON.stringify(value)}: use error, warn, info, hint, off or 0-3`);
  return severity;
}

interface RuleScope {
  aliases: AliasMap | null;
  functions: Map<string, CustomFunction>;
  fileFormats: ReadonlySet<string> | null;
  options: LoadRulesetOptions;
  registeredFormats: ReadonlySet<string>;
}

/** A rule written as a mapping: a new rule, or changes to an inherited one (Spectral merges the fields). */
async function ruleFromObject(file: RulesetFile, name: string, raw: Record<string, unknown>, existing: RuleState | undefined, scope: RuleScope): Promise<RuleState> {
  const at = ['rules', name];
  for (const key of Object.keys(raw)) {
    if (!RULE_KEYS.has(key) && !key.startsWith('x-')) throw file.fail([...at, key], `unknown rule property. Allowed: ${[...RULE_KEYS].join(', ')}`);
  }
  const severity = raw.severity === undefined ? undefined : ruleSeverity(file, [...at, 'severity'], raw.severity);
  const recommended = raw.recommended === undefined ? undefined : expectBoolean(file, [...at, 'recommended'], raw.recommended);
  const uri = file.source.uri;

  let base: SpectralRule | undefined = existing?.kind === 'spectral' ? { ...existing.rule } : undefined;
  if (existing?.kind === 'builtin') {
    if (raw.given === undefined && raw.then === undefined) {
      // A built-in rule's checks and messages are code: without a new given/then only these two apply.
      const ignored = Object.keys(raw).find((key) => key !== 'severity' && key !== 'recommended' && !key.startsWith('x-'));
      if (ignored !== undefined) throw file.fail([...at, ignored], `"${name}" is a built-in rule: set its severity or recommended here, or redefine it with "given" and "then"`);
      const state = { ...existing, enabled: true };
      if (severity !== undefined) state.severity = severity;
      if (recommended !== undefined) state.recommended = recommended;
      return state;
    }
    // Redefined, as Spectral allows: the new given/then replace the built-in check, which keeps its severity and description unless they are given too.
    if (raw.given === undefined || raw.then === undefined) throw file.fail(at, `redefining the built-in rule "${name}" takes both "given" and "then"`);
    base = { ...newSpectralRule(name, scope), severity: existing.severity, recommended: existing.recommended, description: existing.definition.description };
    // Spectral keeps the rule's own message (or, lacking one, reports its description); the built-in's
    // one fixed message is that text. A description given here is what Spectral would report instead.
    const messages = Object.values(existing.definition.builtin?.meta.messages ?? {});
    if (raw.description === undefined && messages.length === 1 && !messages[0]!.includes('{{')) base.message = messages[0]!;
  }
  if (!base && (raw.given === undefined || raw.then === undefined)) throw file.fail(at, 'the rule must have at least "given" and "then" properties');
  const rule: SpectralRule = base ?? newSpectralRule(name, scope);
  if (raw.given !== undefined) {
    rule.given = parseGiven(file, [...at, 'given'], raw.given, scope.aliases);
    rule.aliases = scope.aliases;
  }
  if (raw.then !== undefined) rule.then = await parseThen(file, [...at, 'then'], raw.then, scope);
  if (raw.description !== undefined) rule.description = expectString(file, [...at, 'description'], raw.description);
  if (raw.message !== undefined) rule.message = expectString(file, [...at, 'message'], raw.message);
  if (raw.documentationUrl !== undefined) rule.documentationUrl = expectString(file, [...at, 'documentationUrl'], raw.documentationUrl);
  if (raw.resolved !== undefined) rule.resolved = expectBoolean(file, [...at, 'resolved'], raw.resolved);
  if (raw.formats !== undefined) rule.formats = parseFormats(file, [...at, 'formats'], raw.formats);
  if (recommended !== undefined) rule.recommended = recommended;
  if (severity !== undefined) rule.severity = severity;
  return { kind: 'spectral', rule, enabled: true, owner: existing?.owner ?? uri };
}

function newSpectralRule(name: string, scope: RuleScope): SpectralRule {
  return {
    name,
    given: [],
    then: [],
    description: null,
    message: null,
    severity: 'warning',
    recommended: true,
    resolved: true,
    formats: scope.fileFormats,
    documentationUrl: null,
    aliases: scope.aliases,
    registeredFormats: scope.registeredFormats,
  };
}

function expectString(file: RulesetFile, at: (string | number)[], value: unknown): string {
  if (typeof value !== 'string') throw file.fail(at, 'must be a string');
  return value;
}

function expectBoolean(file: RulesetFile, at: (string | number)[], value: unknown): boolean {
  if (typeof value !== 'boolean') throw file.fail(at, 'must be true or false');
  return value;
}

function parseGiven(file: RulesetFile, at: (string | number)[], value: unknown, aliases: AliasMap | null): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw file.fail(at, 'must be a JSONPath expression or a non-empty list of them');
  return list.map((expression, index) => {
    const itemAt = Array.isArray(value) ? [...at, index] : at;
    if (typeof expression !== 'string' || !/^[$#]/.test(expression)) {
      throw file.fail(itemAt, 'must be a valid JSON Path expression or a reference to the existing Alias optionally paired with a JSON Path expression subset');
    }
    try {
      // Targeted aliases depend on the document's format: check them with every format they name.
      const expanded = hasTargetedAliases(aliases) ? resolveAlias(aliases, expression, new Set(knownFormats())) : resolveAlias(aliases, expression, null);
      for (const path of expanded) {
        JSONPath({ path, json: {}, resultType: 'all', wrap: true });
        checkScriptSegments(path);
      }
    } catch (error) {
      throw file.fail(itemAt, `invalid JSONPath "${expression}": ${(error as Error).message}`, error);
    }
    return expression;
  });
}

/**
 * Querying `{}` never reaches a filter such as `[?(@.x`, so its syntax error would only surface
 * while linting, as a crashed rule. Parse each script segment now, as jsonpath-plus will.
 */
function checkScriptSegments(path: string): void {
  const Script = (JSONPath.prototype as { safeVm?: { Script: new (code: string) => unknown } }).safeVm?.Script;
  for (const segment of JSONPath.toPathArray(path)) {
    if (!segment.startsWith('(') && !segment.startsWith('?(')) continue;
    const code = /^\??\((.*)\)$/su.exec(segment)?.[1];
    if (code === undefined) throw new Error(`"[${segment}" is not closed with ")]"`);
    // The names jsonpath-plus gives @, @property… before it parses the script.
    const script = code
      .replaceAll('@parentProperty', '_$_parentProperty')
      .replaceAll('@parent', '_$_parent')
      .replaceAll('@property', '_$_property')
      .replaceAll('@root', '_$_root')
      .replaceAll('@path', '_$_path')
      .replaceAll(/@([.\s)[])/gu, '_$_v$1');
    try {
      if (Script) new Script(script);
    } catch (error) {
      // jsep counts characters in the rewritten script, which the user never wrote.
      throw new Error((error as Error).message.replace(/ at character \d+$/u, ''), { cause: error });
    }
  }
}

async function parseThen(file: RulesetFile, at: (string | number)[], value: unknown, scope: RuleScope): Promise<ThenStep[]> {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw file.fail(at, 'must be a mapping with "function", or a non-empty list of them');
  const steps: ThenStep[] = [];
  for (const [index, entry] of list.entries()) {
    const entryAt = Array.isArray(value) ? [...at, index] : at;
    if (!isPlainObject(entry)) throw file.fail(entryAt, 'must be a mapping with "function" (and optionally "field", "functionOptions")');
    for (const key of Object.keys(entry)) {
      if (!THEN_KEYS.has(key)) throw file.fail([...entryAt, key], 'unknown property. Allowed: field, function, functionOptions');
    }
    if (entry.field !== undefined && typeof entry.field !== 'string') throw file.fail([...entryAt, 'field'], 'must be a string');
    if (typeof entry.function !== 'string') throw file.fail([...entryAt, 'function'], 'must name a function, e.g. truthy, pattern, schema');
    const name = entry.function;
    const options = entry.functionOptions;
    const step: ThenStep = { functionName: name, run: () => undefined, options: options ?? null };
    if (typeof entry.field === 'string') step.field = entry.field;
    if (isCoreFunctionName(name)) {
      const fn = coreFunctions[name];
      const problems = validateFunctionOptions(fn, options);
      if (problems.length > 0) {
        const position = options === undefined ? [...entryAt, 'function'] : [...entryAt, 'functionOptions', ...problems[0]!.path];
        throw file.fail([...entryAt, 'functionOptions'], problems.map((problem) => problem.message).join('; '), undefined, position);
      }
      step.run = fn.run;
      if (fn.accepts) step.accepts = fn.accepts;
    } else if (scope.functions.has(name)) {
      const custom = scope.functions.get(name)!;
      if (custom.validator) {
        try {
          custom.validator(options ?? null);
        } catch (error) {
          const errors = (error as { errors?: unknown[] }).errors;
          const message = Array.isArray(errors) ? errors.map((item) => (item as Error).message).join('; ') : (error as Error).message;
          throw file.fail([...entryAt, 'functionOptions'], message, error);
        }
      }
      step.run = custom.run;
    } else {
      throw file.fail([...entryAt, 'function'], `unknown function "${name}". Core functions: ${Object.keys(coreFunctions).join(', ')}; custom functions must be listed in "functions"`);
    }
    steps.push(step);
  }
  return steps;
}

/**
 * `overrides` become per-file severity changes. Globs are relative to the ruleset's folder (as in
 * Spectral); the engine matches paths relative to the working directory, so we rebase them. Entries
 * with `#/pointer` fragments come after plain ones and in order of pointer length, so the closest
 * pointer wins, as in Spectral.
 */
function parseOverrides(file: RulesetFile, value: unknown, rules: Map<string, RuleState>, cwd: string): RuleOverride[] {
  if (!Array.isArray(value) || value.length === 0) throw file.fail(['overrides'], 'must be a non-empty list of { files, rules }');
  const entries: { glob: string; pointerLength: number; order: number; rules: Map<string, RuleSetting> }[] = [];
  value.forEach((override, index) => {
    const at = ['overrides', index];
    if (!isPlainObject(override) || !Array.isArray(override.files) || override.files.length === 0) {
      throw file.fail(at, 'must be an override, i.e. { "files": ["v2/**/*.json"], "rules": {} }');
    }
    for (const key of Object.keys(override)) {
      if (key !== 'files' && key !== 'rules') throw file.fail([...at, key], 'Rampart supports overrides of rule severities only ({ files, rules })');
    }
    if (!isPlainObject(override.rules)) throw file.fail([...at, 'rules'], 'must be a mapping of rule names to severities');
    const settings = new Map<string, RuleSetting>();
    for (const [name, setting] of Object.entries(override.rules)) {
      const ruleAt = [...at, 'rules', name];
      const state = rules.get(name);
      if (!state) throw file.fail(ruleAt, `cannot override rule "${name}": no such rule in this ruleset`);
      if (setting === true) settings.set(name, { severity: state.kind === 'spectral' ? state.rule.severity : state.severity });
      else if (setting === false) settings.set(name, { severity: 'off' });
      else if (typeof setting === 'string' || typeof setting === 'number') settings.set(name, { severity: ruleSeverity(file, ruleAt, setting) });
      else throw file.fail(ruleAt, 'Rampart supports overrides of rule severities only (error, warn, info, hint, off, 0-3, true/false)');
    }
    override.files.forEach((pattern, fileIndex) => {
      if (typeof pattern !== 'string' || pattern.length === 0 || pattern.startsWith('#')) {
        throw file.fail([...at, 'files', fileIndex], 'must be a non-empty glob, optionally followed by #/json/pointer');
      }
      const hash = pattern.indexOf('#');
      const glob = hash === -1 ? pattern : pattern.slice(0, hash);
      let fragment = hash === -1 ? undefined : pattern.slice(hash + 1);
      if (fragment !== undefined) {
        try {
          fragment = decodeURIComponent(fragment);
        } catch {
          // keep it as written
        }
      }
      const order = entries.length;
      for (const rebased of rebaseGlob(glob, file.dir, cwd)) {
        entries.push({
          glob: fragment === undefined ? rebased : `${rebased}#${fragment}`,
          pointerLength: fragment === undefined ? -1 : fragment.length,
          order,
          rules: settings,
        });
      }
    });
  });
  entries.sort((a, b) => a.pointerLength - b.pointerLength || a.order - b.order);
  return entries.map((entry) => ({ files: [entry.glob], rules: entry.rules }));
}

function toSelection(loaded: LoadedFile): RuleSelection {
  const selection: RuleSelection = { definitions: new Map(), base: new Map(), overrides: loaded.overrides };
  for (const [name, state] of loaded.rules) {
    if (state.kind === 'spectral') {
      selection.definitions.set(name, definitionOfSpectralRule(state.rule));
      selection.base.set(name, { severity: state.enabled ? state.rule.severity : 'off' });
    } else {
      selection.definitions.set(name, state.definition);
      selection.base.set(name, { severity: state.enabled ? state.severity : 'off' });
    }
  }
  return selection;
}

/** Loads one Spectral-format ruleset file (YAML or JSON) and what it extends. */
export async function loadRulesetFile(file: string, options: LoadRulesetOptions): Promise<RuleSelection> {
  return toSelection(await loadFile(path.resolve(options.cwd, file), 'recommended', false, { options, stack: [], registeredFormats: new Set() }));
}

/**
 * Built-in ruleset names and ruleset files, merged in order (later ones win). This is what
 * `--ruleset` and the `extends` of a configuration file resolve to.
 */
export async function loadRulesets(namesOrFiles: readonly string[], options: LoadRulesetOptions): Promise<RuleSelection> {
  const selections: RuleSelection[] = [];
  for (const entry of namesOrFiles) {
    selections.push(isBuiltinRuleset(entry) ? builtinSelection(entry) : await loadRulesetFile(entry, options));
  }
  return mergeSelections(...selections);
}
