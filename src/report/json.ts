import { countBySeverity, type Finding } from '../core/finding.js';
import type { Reporter } from './types.js';

/** Version of the JSON report's shape (DESIGN.md): bump only on breaking changes. */
export const JSON_REPORT_VERSION = 1;

/** Top-level keys of the contract; a stage's block of the same name cannot replace them. */
const REPORT_KEYS = new Set(['version', 'tool', 'findings', 'summary']);
/** Keys of a finding in the contract; a stage's `fields` cannot replace them. */
const FINDING_KEYS = new Set([
  'ruleId', 'severity', 'message', 'location', 'relatedLocations', 'owasp', 'cwe', 'fix', 'docsUrl', 'evidence', 'reproduce', 'fingerprint', 'suppressed',
]);

/** The public, versioned JSON report. Suppressed findings are listed with `suppressed` and not counted. */
export const json: Reporter = (findings, context) => {
  const report: Record<string, unknown> = {
    version: JSON_REPORT_VERSION,
    tool: { name: context.tool.name, version: context.tool.version },
    findings: findings.map(toJson),
    summary: countBySeverity(findings),
  };
  for (const [key, value] of Object.entries(context.blocks ?? {})) if (!REPORT_KEYS.has(key)) report[key] = value;
  return JSON.stringify(report, null, 2) + '\n';
};

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
