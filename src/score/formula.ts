import type { Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import { CATEGORY_NAMES, OWASP_CATEGORIES, categoryOf, type CategoryId } from './categories.js';
import { capsOf, type Cap } from './gates.js';
import { IMPACT_FACTOR, impactOf, type Impact } from './impact.js';

/**
 * The score formula (README "## Score"). Pure and deterministic: the same findings, rules and
 * operation count always give the same numbers.
 *
 * A category's score is the weighted share of its active rules that pass, capped by coverage gates:
 *   score = min(100 × (1 − Σ_failing w_r·f_r / Σ_active w_r), caps)
 * with w_r = severity weight × impact factor (impact.ts: critical 4, standard 1, hygiene 0.25) and
 * f_r ∈ [0.25, 1] how widely the rule fails:
 *   f_r = 0.25 + 0.75 × √min(1, findings_r / operations)
 * So a rule costs at most its share of the category, however many findings it has (one noisy
 * rule cannot zero a score), and a rule that fails on one operation of a thousand costs a quarter
 * of what it costs when it fails everywhere. The caps (gates.ts) bound a category by the share of
 * operations its most basic control misses (authentication, error responses, descriptions, examples).
 */
export const SEVERITY_WEIGHT: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0.5 };
export const CATEGORY_WEIGHT: Record<CategoryId, number> = { security: 0.5, design: 0.3, documentation: 0.2 };
export const FORMULA_VERSION = 2;

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export function gradeOf(score: number): Grade {
  return score >= 90 ? 'A' : score >= 80 ? 'B' : score >= 70 ? 'C' : score >= 60 ? 'D' : 'F';
}

/** A rule that could report, with the severity it runs at. */
export interface ScoredRule {
  id: string;
  severity: Severity;
  owasp: readonly string[];
}

export interface RuleCost {
  ruleId: string;
  severity: Severity;
  impact: Impact;
  findings: number;
  /** Points this rule takes off the category (they add up to 100 − score). */
  cost: number;
}

export interface CategoryScore {
  name: string;
  score: number;
  grade: Grade;
  findings: number;
  /** Active rules counted in this category. */
  rules: number;
  /** Failing rules, most expensive first. */
  costs: RuleCost[];
  /** 100 − the costs, before the caps. */
  uncapped: number;
  /** Coverage gates that bound this category (the score is at most the lowest limit). */
  caps: Cap[];
}

export interface CategoryScores {
  overall: number;
  grade: Grade;
  categories: Record<string, CategoryScore>;
}

/** Scores findings against the rules that ran, for a document with `operations` operations. */
export function scoreFindings(findings: readonly Finding[], rules: readonly ScoredRule[], operations: number): CategoryScores {
  const counts = new Map<string, number>();
  for (const finding of findings) if (!finding.suppressed) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  const perOperation = Math.max(1, operations);
  const failure = (ruleId: string) => {
    const count = counts.get(ruleId) ?? 0;
    return count === 0 ? 0 : 0.25 + 0.75 * Math.sqrt(Math.min(1, count / perOperation));
  };
  const weight = (rule: ScoredRule) => SEVERITY_WEIGHT[rule.severity] * IMPACT_FACTOR[impactOf(rule.id)];
  const capsByCategory = capsOf(findings, new Set(rules.map((rule) => rule.id)), operations);
  const byCategory = (id: string, members: readonly ScoredRule[], name: string): CategoryScore => {
    const total = members.reduce((sum, rule) => sum + weight(rule), 0);
    const costs: RuleCost[] = [];
    let lost = 0;
    for (const rule of members) {
      const f = failure(rule.id);
      if (f === 0) continue;
      const cost = (100 * weight(rule) * f) / total;
      lost += cost;
      costs.push({ ruleId: rule.id, severity: rule.severity, impact: impactOf(rule.id), findings: counts.get(rule.id)!, cost: round1(cost) });
    }
    costs.sort((a, b) => b.cost - a.cost || a.ruleId.localeCompare(b.ruleId));
    const uncapped = total === 0 ? 100 : Math.max(0, Math.round(100 - lost));
    const caps = total === 0 ? [] : (capsByCategory.get(id) ?? []);
    const score = Math.min(uncapped, ...caps.map((cap) => cap.limit));
    return { name, score, grade: gradeOf(score), findings: costs.reduce((sum, cost) => sum + cost.findings, 0), rules: members.length, costs, uncapped, caps };
  };

  const categories: Record<string, CategoryScore> = {};
  for (const id of ['security', 'design', 'documentation'] as const) {
    categories[id] = byCategory(id, rules.filter((rule) => categoryOf(rule) === id), CATEGORY_NAMES[id]);
  }
  for (const [id, name] of OWASP_CATEGORIES) categories[id] = byCategory(id, rules.filter((rule) => rule.owasp.includes(id)), name);
  const overall = Math.round(
    (['security', 'design', 'documentation'] as const).reduce((sum, id) => sum + CATEGORY_WEIGHT[id] * categories[id]!.score, 0),
  );
  return { overall, grade: gradeOf(overall), categories };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
