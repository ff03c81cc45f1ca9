import type { RampartError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import { lint, type LintOptions, type LintedDocument } from '../lint/lint.js';
import type { RuleDefinition, RuleSelection } from '../lint/rule-settings.js';
import { defaultSelection } from '../lint/rulesets.js';
import type { ApiDocument } from '../spec/document.js';
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
  const scores: DocumentScore[] = [];
  const selection = options.selection ?? defaultSelection();
  const result = await lint(inputs, {
    ...options,
    selection,
    // Scored on the rulesets' own rules; the loader's core rules (broken $refs…) are reported, not weighed.
    onDocument: (document, findings) => scores.push(scoreDocument(document, findings.filter((finding) => selection.definitions.has(finding.ruleId)), selection)),
  });
  return { ...result, score: scores.length > 0 ? combine(scores) : undefined };
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
