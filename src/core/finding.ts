import type { Severity } from './severity.js';

/** A place in an API description: file + JSON pointer, resolved to 1-based line/column. */
export interface DocumentLocation {
  file: string;
  pointer: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/** A place in a running API: an operation. */
export interface OperationLocation {
  method: string;
  path: string;
  host?: string;
}

export type Location = DocumentLocation | OperationLocation;

export function isDocumentLocation(location: Location): location is DocumentLocation {
  return 'file' in location;
}

export interface Suppression {
  kind: 'inline' | 'baseline';
  justification?: string;
}

/** The one currency: every stage produces Findings, every reporter renders them. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  location: Location;
  /** Other places that explain the finding (a diff's base location, the first of two duplicates). */
  relatedLocations?: Location[];
  owasp: string[];
  cwe: string[];
  /** A short hint on how to fix it. */
  fix?: string;
  docsUrl?: string;
  evidence?: Record<string, unknown>;
  reproduce?: string;
  /** Stable identity across unrelated edits, used by baselines and SARIF partialFingerprints. */
  fingerprint?: string;
  suppressed?: Suppression;
  /** Stage-specific fields shown at the top level of the JSON report (a diff's `level`, …). */
  fields?: Record<string, unknown>;
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) if (!finding.suppressed) counts[finding.severity]++;
  return counts;
}

/**
 * Deterministic order: file, line, column, rule. Reporters rely on it for stable output. Text is
 * compared by code unit, not by locale: the order is the same on every machine, and a 20,000-finding
 * sort does not pay for collation.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return comparePlaces(a, b) || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message);
}

/** The place part of that order: file (or path), line, column, method. */
export function comparePlaces(a: Finding, b: Finding): number {
  const la = a.location as Partial<DocumentLocation & OperationLocation>;
  const lb = b.location as Partial<DocumentLocation & OperationLocation>;
  return (
    compareText(la.file ?? la.path ?? '', lb.file ?? lb.path ?? '') ||
    (la.line ?? 0) - (lb.line ?? 0) ||
    (la.column ?? 0) - (lb.column ?? 0) ||
    compareText(la.method ?? '', lb.method ?? '')
  );
}

function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
