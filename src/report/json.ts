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
  const lintFindingText = lintFindingWriter();
  for (let index = 0; index < findings.length; index++) {
    const finding = findings[index]!;
    yield `${index === 0 ? '' : ','}\n    ${lintFindingText(finding) ?? indent(JSON.stringify(toJson(finding), null, 2), '    ')}`;
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

const LOCATION_KEYS = ['file', 'pointer', 'line', 'column', 'endLine', 'endColumn'];

/**
 * What findings of one rule share (severity, owasp, cwe, fix, docsUrl), as JSON text: written once
 * per rule rather than once per finding. Checked by identity, so a finding whose values differ
 * from the last one of its rule gets text of its own.
 */
interface RuleText {
  severity: string;
  owasp: readonly string[];
  cwe: readonly string[];
  fix: string | undefined;
  docsUrl: string | undefined;
  /** `"severity": …,` */
  severityText: string;
  /** From `"owasp"` to the end of `"docsUrl"`. */
  tailText: string;
}

/**
 * Writes common lint findings directly: the same text as the generic path gives (JSON.stringify
 * with two-space indentation, at a finding's depth), without an object to build and a second pass
 * to indent, which counts at 20,000 findings. Undefined for any other shape.
 */
function lintFindingWriter(): (finding: Finding) => string | undefined {
  const byRule = new Map<string, RuleText>();
  let file: unknown;
  let fileText = '';
  const ruleText = (finding: Finding): RuleText => {
    let cached = byRule.get(finding.ruleId);
    if (
      cached === undefined ||
      cached.severity !== finding.severity ||
      cached.owasp !== finding.owasp ||
      cached.cwe !== finding.cwe ||
      cached.fix !== finding.fix ||
      cached.docsUrl !== finding.docsUrl
    ) {
      let tailText = `\n      "owasp": ${stringList(finding.owasp)},\n      "cwe": ${stringList(finding.cwe)}`;
      if (finding.fix !== undefined) tailText += `,\n      "fix": ${JSON.stringify(finding.fix)}`;
      if (finding.docsUrl !== undefined) tailText += `,\n      "docsUrl": ${JSON.stringify(finding.docsUrl)}`;
      cached = {
        severity: finding.severity, owasp: finding.owasp, cwe: finding.cwe, fix: finding.fix, docsUrl: finding.docsUrl,
        severityText: `\n      "severity": ${JSON.stringify(finding.severity)},`,
        tailText,
      };
      byRule.set(finding.ruleId, cached);
    }
    return cached;
  };
  return (finding) => {
    if (finding.relatedLocations || finding.evidence || finding.reproduce !== undefined || finding.suppressed || finding.fields) return undefined;
    const location = finding.location as unknown as Record<string, unknown>;
    let keys = 0;
    for (const key in location) if (key !== LOCATION_KEYS[keys++]) return undefined;
    if (keys !== LOCATION_KEYS.length || typeof location.file !== 'string' || typeof location.pointer !== 'string') return undefined;
    const { line, column, endLine, endColumn } = location;
    if (!Number.isInteger(line) || !Number.isInteger(column) || !Number.isInteger(endLine) || !Number.isInteger(endColumn)) return undefined;
    if (location.file !== file) {
      file = location.file;
      fileText = JSON.stringify(location.file);
    }
    const shared = ruleText(finding);
    let text =
      `{\n      "ruleId": ${JSON.stringify(finding.ruleId)},${shared.severityText}\n      "message": ${JSON.stringify(finding.message)},` +
      `\n      "location": {\n        "file": ${fileText},\n        "pointer": ${JSON.stringify(location.pointer)},` +
      `\n        "line": ${line},\n        "column": ${column},\n        "endLine": ${endLine},\n        "endColumn": ${endColumn}\n      },` +
      shared.tailText;
    if (finding.fingerprint !== undefined) text += `,\n      "fingerprint": ${JSON.stringify(finding.fingerprint)}`;
    return `${text}\n    }`;
  };
}

/** A list of strings as JSON.stringify(…, null, 2) writes it inside a finding. */
function stringList(list: readonly string[]): string {
  if (list.length === 0) return '[]';
  let text = '[';
  for (let i = 0; i < list.length; i++) text += `${i === 0 ? '' : ','}\n        ${JSON.stringify(list[i])}`;
  return `${text}\n      ]`;
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
