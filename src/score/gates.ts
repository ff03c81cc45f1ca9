import type { Finding } from '../core/finding.js';

/**
 * Coverage gates (README "## Score"): a category cannot score above what its most basic control
 * covers. "7 of 10 operations can be called without authentication" caps security at
 * 100 − 70 × 0.7 = 51, however well the rest of the rule base passes. Rule weights alone cannot
 * do this: a missing control is one failing rule among forty, while it is the whole story.
 */
export interface Gate {
  id: string;
  /** Score categories the cap applies to. */
  categories: readonly string[];
  rules: readonly string[];
  /** `any`: an operation counts when one of the rules reports it; `all`: when every active one does. */
  mode: 'any' | 'all';
  /** Points lost when every operation is affected. */
  maxLoss: number;
  /** "{affected} of {operations} operations …" */
  reason: string;
}

export const GATES: readonly Gate[] = [
  { id: 'authentication', categories: ['security', 'API2:2023'], rules: ['owasp-api2-write-restricted', 'owasp-api2-read-restricted'], mode: 'any', maxLoss: 70, reason: 'can be called without authentication' },
  { id: 'error-responses', categories: ['design'], rules: ['error-response-schema'], mode: 'any', maxLoss: 50, reason: 'document no error response with a body' },
  { id: 'descriptions', categories: ['documentation'], rules: ['operation-description', 'operation-summary-defined'], mode: 'all', maxLoss: 50, reason: 'have neither a summary nor a description' },
  { id: 'examples', categories: ['documentation'], rules: ['media-examples-defined'], mode: 'any', maxLoss: 40, reason: 'show no request or response example' },
];

export interface Cap {
  gate: string;
  /** The category scores at most this. */
  limit: number;
  affected: number;
  operations: number;
  reason: string;
}

/**
 * The caps that apply, per category. `active` holds the ids of the rules that ran; a gate whose
 * rules are all off does not apply.
 */
export function capsOf(findings: readonly Finding[], active: ReadonlySet<string>, operations: number): Map<string, Cap[]> {
  const caps = new Map<string, Cap[]>();
  if (operations <= 0) return caps;
  for (const gate of GATES) {
    const rules = gate.rules.filter((rule) => active.has(rule));
    if (rules.length === 0) continue;
    const perRule = rules.map((rule) => new Set(findings.filter((finding) => finding.ruleId === rule && !finding.suppressed).map(operationKey)));
    const affected = gate.mode === 'any' ? new Set(perRule.flatMap((keys) => [...keys])).size : [...perRule[0]!].filter((key) => perRule.every((keys) => keys.has(key))).length;
    if (affected === 0) continue;
    const share = Math.min(1, affected / operations);
    const cap: Cap = { gate: gate.id, limit: Math.round(100 - gate.maxLoss * share), affected: Math.min(affected, operations), operations, reason: `${Math.min(affected, operations)} of ${operations} operations ${gate.reason}` };
    for (const category of gate.categories) caps.set(category, [...(caps.get(category) ?? []), cap]);
  }
  return caps;
}

/**
 * Which operation a finding is about: `/paths/{path}/{method}` in its file, or (for a multi-file
 * description whose operations are one file each) the file itself.
 */
export function operationKey(finding: Finding): string {
  const location = finding.location as { file?: string; pointer?: string; method?: string; path?: string };
  if (location.file === undefined) return `${location.method ?? ''} ${location.path ?? ''}`;
  const pointer = location.pointer ?? '';
  if (!pointer.startsWith('/paths/')) return location.file;
  return `${location.file}#${pointer.split('/').slice(0, 4).join('/')}`;
}
