import { countBySeverity, type Finding } from '../core/finding.js';
import type { Reporter } from './types.js';

/** Version of the JSON report's shape (DESIGN.md): bump only on breaking changes. */
export const JSON_REPORT_VERSION = 1;

/** The public, versioned JSON report. Suppressed findings are listed with `suppressed` and not counted. */
export const json: Reporter = (findings, context) => {
  const report: Record<string, unknown> = {
    version: JSON_REPORT_VERSION,
    tool: { name: context.tool.name, version: context.tool.version },
    findings: findings.map(toJson),
    summary: countBySeverity(findings),
    ...context.blocks,
  };
  return JSON.stringify(report, null, 2) + '\n';
};

function toJson(finding: Finding): Record<string, unknown> {
  const location = stripUndefined({ ...finding.location } as Record<string, unknown>);
  return stripUndefined({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    location,
    relatedLocations: finding.relatedLocations,
    owasp: finding.owasp,
    cwe: finding.cwe,
    fix: finding.fix,
    docsUrl: finding.docsUrl,
    evidence: finding.evidence,
    reproduce: finding.reproduce,
    fingerprint: finding.fingerprint,
    suppressed: finding.suppressed,
    ...finding.fields,
  });
}

function stripUndefined<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}
