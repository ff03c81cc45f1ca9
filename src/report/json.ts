import { countBySeverity, type Finding } from '../core/finding.js';
import type { ReportContext, Reporter } from './types.js';

/** Version of the JSON report's shape (DESIGN.md): bump only on breaking changes. */
export const JSON_REPORT_VERSION = 1;

/** Top-level keys of the contract; a stage's block of the same name cannot replace them. */
const REPORT_KEYS = new Set(['version', 'tool', 'findings', 'summary']);
/** Keys of a finding in the contract; a stage's `fields` cannot replace them. */
const FINDING_KEYS = new Set([
  'ruleId', 'severity', 'message', 'location', 'relatedLocations', 'owasp', 'cwe', 'fix', 'docsUrl', 'evidence', 'reproduce', 'fingerprint', 'suppressed',
]);

/** The public, versioned JSON report. Suppressed findings are listed with `suppressed` and not counted. */
export const json: Reporter = (findings, context) => [...jsonChunks(findings, context)].join('');

/**
 * The same report in pieces, one finding at a time, so the CLI can write a report of 20,000
 * findings without first holding all of it (and its UTF-8 copy) in memory. Exactly the text of
 * `JSON.stringify(report, null, 2)`: each finding is stringified alone and indented to its depth.
 */
export function* jsonChunks(findings: readonly Finding[], context: ReportContext): Generator<string> {
  yield `{\n  "version": ${JSON_REPORT_VERSION},\n  "tool": ${indent(JSON.stringify({ name: context.tool.name, version: context.tool.version }, null, 2), '  ')},\n  "findings": [`;
  for (let index = 0; index < findings.length; index++) {
    yield `${index === 0 ? '' : ','}\n    ${indent(JSON.stringify(toJson(findings[index]!), null, 2), '    ')}`;
  }
  yield findings.length === 0 ? '],\n' : '\n  ],\n';
  const tail: Record<string, unknown> = { summary: countBySeverity(findings) };
  for (const [key, value] of Object.entries(context.blocks ?? {})) if (!REPORT_KEYS.has(key)) tail[key] = value;
  const rest = JSON.stringify(tail, null, 2);
  // The tail object's own braces are the report's closing ones.
  yield `${rest.slice(2)}\n`;
}

/** Indents every line after the first (JSON strings never hold a raw newline). */
function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}

function toJson(finding: Finding): Record<string, unknown> {
  // Undefined values are left in: JSON.stringify omits them, and deleting keys made every finding a
  // slow dictionary-mode object (a run can have 20,000 findings).
  const result: Record<string, unknown> = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    location: finding.location,
    relatedLocations: finding.relatedLocations,
    owasp: finding.owasp,
    cwe: finding.cwe,
    fix: finding.fix,
    docsUrl: finding.docsUrl,
    evidence: finding.evidence,
    reproduce: finding.reproduce,
    fingerprint: finding.fingerprint,
    suppressed: finding.suppressed,
  };
  // Stage-specific fields (a diff's `level`, …) sit at the top level, after the contract's keys.
  if (finding.fields) for (const [key, value] of Object.entries(finding.fields)) if (!FINDING_KEYS.has(key) && value !== undefined) result[key] = value;
  return result;
}
