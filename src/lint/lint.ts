import path from 'node:path';
import { RampartError, isRampartError } from '../core/errors.js';
import { compareFindings, type DocumentLocation, type Finding } from '../core/finding.js';
import { expandInputs } from '../core/files.js';
import { loadDocument, type ApiDocument, type LoadOptions } from '../spec/document.js';
import { joinPointer } from '../spec/pointer.js';
import { didYouMean } from '../core/close-matches.js';
import { NodeLocation } from './location.js';
import { builtinRules } from './rules/index.js';
import { ignoredRuleNames } from './suppression.js';
import { finalizeFindings, runRules } from './engine.js';
import type { RawFinding, RuleDefinition, RuleSelection } from './rule-settings.js';
import { defaultSelection, docsUrlFor, mergeSelections } from './rulesets.js';

export interface LintOptions extends LoadOptions {
  /** What to run. Default: the built-in `recommended` ruleset. */
  selection?: RuleSelection;
  /** When given, filled with the milliseconds each rule took (the CLI shows them with RAMPART_TIMING=1). */
  timings?: Map<string, number>;
  /** Called once per linted document with its findings (stages that build on lint, such as score). */
  onDocument?: (document: ApiDocument, findings: readonly Finding[], selection: RuleSelection) => void;
}

export interface LintedDocument {
  file: string;
  format: string;
  version: string;
  files: number;
}

export interface LintResult {
  findings: Finding[];
  documents: LintedDocument[];
  /** Inputs that could not be linted at all (unreadable, not YAML/JSON, not an API description). */
  errors: RampartError[];
  /** Definitions of every rule that could report, for reporters that describe rules (SARIF). */
  rules: ReadonlyMap<string, RuleDefinition>;
}

/** Problems found while loading, reported as findings of these core rules. */
const CORE_RULES: RuleDefinition[] = [
  {
    id: 'no-unresolved-refs',
    description: 'Every $ref must resolve to an existing target.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: [],
    cwe: [],
    fix: 'Correct the $ref path or pointer, or add the missing file or component.',
  },
  {
    id: 'no-duplicate-keys',
    description: 'A mapping must not repeat a key: parsers silently keep only one value.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: [],
    cwe: [],
    fix: 'Remove or rename one of the repeated keys.',
  },
  {
    id: 'suppression-unknown-rule',
    description: 'An x-rampart-ignore must name existing rules: a misspelt id silences nothing.',
    defaultSeverity: 'warning',
    recommended: true,
    owasp: [],
    cwe: [],
    fix: 'Correct the rule id (the message suggests close ones), or remove the entry.',
  },
  {
    id: 'rule-crashed',
    description: 'A rule threw an exception; its results are incomplete.',
    defaultSeverity: 'error',
    recommended: true,
    owasp: [],
    cwe: [],
    fix: 'Report the problem with the rule; the rest of the run is unaffected.',
  },
];

/** docs/rules.md documents the rules of the rulesets; the README's error section describes these. */
const CORE_RULES_DOCS_URL = 'https://github.com/rampart-dev/rampart/blob/main/README.md#exit-codes-and-errors';

function coreSelection(): RuleSelection {
  const selection: RuleSelection = { definitions: new Map(), base: new Map(), overrides: [] };
  for (const definition of CORE_RULES) {
    selection.definitions.set(definition.id, { ...definition, docsUrl: CORE_RULES_DOCS_URL });
    selection.base.set(definition.id, { severity: definition.defaultSeverity });
  }
  return selection;
}

/** Lints files and globs. Never throws for bad input: unreadable inputs land in `errors`. */
export async function lint(inputs: string | readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const selection = mergeSelections(coreSelection(), options.selection ?? defaultSelection());
  const findings: Finding[] = [];
  const documents: LintedDocument[] = [];
  const errors: RampartError[] = [];
  let files: string[];
  try {
    const list = typeof inputs === 'string' ? [inputs] : inputs;
    // In-memory documents (editors, tests) are not on disk: take them as named.
    const inMemory = (input: string) => options.overlay?.has(path.resolve(cwd, input)) ?? false;
    files = [...list.filter(inMemory).map((input) => path.resolve(cwd, input)), ...expandInputs(list.filter((input) => !inMemory(input)), cwd)];
  } catch (error) {
    if (!isRampartError(error)) throw error;
    return { findings, documents, errors: [error], rules: selection.definitions };
  }
  // A glob over a description split into files also matches the files it `$ref`s. They are linted
  // as part of it; only an input that nothing linted refers to must be an API description itself.
  const notApis = new Map<RampartError, string>();
  const referenced = new Set<string>();
  for (const file of files) {
    let document: ApiDocument;
    try {
      document = await loadDocument(file, { ...options, cwd });
    } catch (error) {
      if (isRampartError(error) && error.code === 'RAMPART_NOT_AN_API') notApis.set(error, file);
      errors.push(isRampartError(error) ? error : new RampartError('RAMPART_INTERNAL', (error as Error).message, { cause: error, position: { file: path.relative(cwd, file) } }));
      continue;
    }
    for (const uri of document.sources.keys()) if (uri !== document.root.uri) referenced.add(uri);
    documents.push({ file: document.root.displayPath, format: document.version.format, version: document.version.declared, files: document.sources.size });
    try {
      const documentFindings = lintDocument(document, selection, cwd, options.timings);
      for (const finding of documentFindings) findings.push(finding);
      options.onDocument?.(document, documentFindings, selection);
    } catch (error) {
      // Thousands of $refs chained through each other exhaust the call stack: a clear input error, not a crash.
      if (!(error instanceof RangeError)) throw error;
      errors.push(new RampartError('RAMPART_INPUT_TOO_LARGE', 'the document nests $refs or values too deeply to analyse', { cause: error, position: { file: document.root.displayPath } }));
    }
  }
  findings.sort(compareFindings);
  const unreferenced = (error: RampartError) => !referenced.has(notApis.get(error) ?? '');
  // A file two linted descriptions both $ref is checked with each: report what it holds once.
  const unique = documents.length > 1 ? withoutRepeats(findings) : findings;
  return { findings: unique, documents, errors: errors.filter(unreferenced), rules: selection.definitions };
}

/** The first of findings that are the same (rule, file, pointer, message: the fingerprint) and equally suppressed. */
function withoutRepeats(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.fingerprint ?? ''}\u0000${(finding.location as DocumentLocation).line ?? ''}\u0000${finding.suppressed ? 1 : 0}`;
    if (finding.fingerprint === undefined || !seen.has(key)) {
      seen.add(key);
      return true;
    }
    return false;
  });
}

/** Lints one loaded document with a selection (the core rules are always on). */
export function lintDocument(document: ApiDocument, selection: RuleSelection, cwd = process.cwd(), timings?: Map<string, number>): Finding[] {
  const raw: RawFinding[] = loadProblems(document, selection);
  for (const finding of runRules(document, selection, timings)) raw.push(finding);
  return finalizeFindings(raw, selection, { cwd, docsUrl: docsUrlFor });
}

/** Every rule id an x-rampart-ignore may name: any built-in or core rule, and the selection's own. */
function knownRuleIds(selection: RuleSelection): Set<string> {
  return new Set([...Object.keys(builtinRules), ...CORE_RULES.map((rule) => rule.id), ...selection.definitions.keys()]);
}

function loadProblems(document: ApiDocument, selection: RuleSelection): RawFinding[] {
  const raw: RawFinding[] = [];
  let known: Set<string> | undefined;
  for (const source of document.sources.values()) {
    for (const name of ignoredRuleNames(source)) {
      known ??= knownRuleIds(selection);
      if (known.has(name.ruleId)) continue;
      const message = `x-rampart-ignore names "${name.ruleId}", which is not a rule.${didYouMean(name.ruleId, known)}`;
      raw.push({ ruleId: 'suppression-unknown-rule', message, location: new NodeLocation(source, name.pointer, name.onKey ?? false) });
    }
  }
  for (const problem of document.refProblems) {
    raw.push({ ruleId: 'no-unresolved-refs', message: problem.message, location: new NodeLocation(problem.source, joinPointer(problem.pointer, '$ref')) });
  }
  for (const source of document.sources.values()) {
    for (const issue of source.issues) raw.push({ ruleId: 'no-duplicate-keys', message: issue.message, location: new NodeLocation(source, issue.pointer, true), offset: issue.offset });
  }
  return raw;
}
