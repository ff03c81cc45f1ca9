import path from 'node:path';
import { RampartError, isRampartError } from '../core/errors.js';
import { compareFindings, type Finding } from '../core/finding.js';
import { expandInputs } from '../core/files.js';
import type { Severity } from '../core/severity.js';
import { lintDocument, type LintOptions, type LintedDocument } from '../lint/lint.js';
import type { RuleDefinition, RuleSelection } from '../lint/rule-settings.js';
import { defaultSelection } from '../lint/rulesets.js';
import { loadDocument, type ApiDocument } from '../spec/document.js';
import { exposureOf, type ExposureSignals } from './exposure.js';
import { FORMULA_VERSION, gradeOf, scoreFindings, type CategoryScore, type Grade, type ScoredRule } from './formula.js';
import { tierOf, type Tier } from './tier.js';

export interface DocumentScore {
  file: string;
  overall: number;
  grade: Grade;
  tier: Tier;
  tierReasons: string[];
  operations: number;
  exposure: ExposureSignals;
  categories: Record<string, CategoryScore>;
}

/** The `score` block of every report: the worst document's numbers at the top, each document below. */
export interface ScoreReport {
  formulaVersion: number;
  overall: number;
  grade: Grade;
  tier: Tier;
  tierReasons: string[];
  categories: Record<string, CategoryScore>;
  documents: DocumentScore[];
}

export interface ScoreResult {
  findings: Finding[];
  documents: LintedDocument[];
  errors: RampartError[];
  rules: ReadonlyMap<string, RuleDefinition>;
  /** Undefined when no input could be loaded. */
  score?: ScoreReport;
}

/** Lints each input (default rulesets: recommended + owasp) and scores it. Never throws for bad input. */
export async function score(inputs: string | readonly string[], options: LintOptions = {}): Promise<ScoreResult> {
  const cwd = options.cwd ?? process.cwd();
  const selection = options.selection ?? defaultSelection();
  const findings: Finding[] = [];
  const documents: LintedDocument[] = [];
  const errors: RampartError[] = [];
  const scores: DocumentScore[] = [];
  let files: string[];
  try {
    // In-memory documents (tests, editors) are taken as they are; everything else is globbed on disk.
    const list = typeof inputs === 'string' ? [inputs] : inputs;
    files = list.flatMap((input) => (options.overlay?.has(path.resolve(cwd, input)) ? [path.resolve(cwd, input)] : expandInputs([input], cwd)));
  } catch (error) {
    if (!isRampartError(error)) throw error;
    return { findings, documents, errors: [error], rules: selection.definitions };
  }
  for (const file of files) {
    let document: ApiDocument;
    try {
      document = await loadDocument(file, { ...options, cwd });
    } catch (error) {
      errors.push(isRampartError(error) ? error : new RampartError('RAMPART_INTERNAL', (error as Error).message, { cause: error, position: { file: path.relative(cwd, file) } }));
      continue;
    }
    const documentFindings = lintDocument(document, selection, cwd);
    documents.push({ file: document.root.displayPath, format: document.version.format, version: document.version.declared, files: document.sources.size });
    findings.push(...documentFindings);
    scores.push(scoreDocument(document, documentFindings, selection));
  }
  findings.sort(compareFindings);
  return { findings, documents, errors, rules: selection.definitions, score: scores.length > 0 ? combine(scores) : undefined };
}

/** Scores one loaded, linted document. */
export function scoreDocument(document: ApiDocument, findings: readonly Finding[], selection: RuleSelection): DocumentScore {
  const exposure = exposureOf(document);
  const scored = scoreFindings(findings, activeRules(selection, document), exposure.operations);
  const { tier, reasons } = tierOf(scored.categories.security!.score, exposure);
  return { file: document.root.displayPath, overall: scored.overall, grade: scored.grade, tier, tierReasons: reasons, operations: exposure.operations, exposure, categories: scored.categories };
}

/** The rules that ran on this document, at the severity they ran with. */
function activeRules(selection: RuleSelection, document: ApiDocument): ScoredRule[] {
  const rules: ScoredRule[] = [];
  for (const [id, setting] of selection.base) {
    if (setting.severity === 'off') continue;
    const definition = selection.definitions.get(id);
    if (!definition) continue;
    const formats = definition.builtin?.meta.formats;
    if (formats && !formats.includes(document.version.format)) continue;
    rules.push({ id, severity: setting.severity as Severity, owasp: definition.owasp });
  }
  return rules;
}

/** Several documents: the headline is the worst one (lowest overall, most critical tier). */
function combine(scores: DocumentScore[]): ScoreReport {
  const worst = [...scores].sort((a, b) => a.overall - b.overall || a.file.localeCompare(b.file))[0]!;
  const tier = Math.min(...scores.map((entry) => entry.tier)) as Tier;
  const tierSource = scores.find((entry) => entry.tier === tier)!;
  return {
    formulaVersion: FORMULA_VERSION,
    overall: worst.overall,
    grade: gradeOf(worst.overall),
    tier,
    tierReasons: tierSource.tierReasons,
    categories: worst.categories,
    documents: scores,
  };
}
