import { isDocumentLocation, type Finding } from '../core/finding.js';
import { compareSeverity } from '../core/severity.js';
import { reportPath } from './paths.js';
import type { Reporter } from './types.js';
import { describeLocation, type Where } from './where.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './xml.js';

interface TestCase {
  name: string;
  where: Where;
  /** Findings of one rule at one location (usually one). */
  findings: Finding[];
  suppressed: boolean;
}

interface TestSuite {
  name: string;
  cases: TestCase[];
}

/**
 * JUnit XML for CI test tabs: one testsuite per file, one testcase per rule and location. Suppressed
 * findings are skipped testcases; analysed files without findings get one passing testcase so CI shows them.
 */
export const junit: Reporter = (findings, context) => {
  const suites = new Map<string, TestSuite>();
  const cases = new Map<string, TestCase>();
  for (const finding of findings) {
    const where = describeLocation(finding.location, context.cwd);
    const suppressed = Boolean(finding.suppressed);
    const pointer = isDocumentLocation(finding.location) ? finding.location.pointer : '';
    const key = [where.group, where.label, pointer, finding.ruleId, suppressed].join('\u0000');
    const existing = cases.get(key);
    if (existing) {
      existing.findings.push(finding);
      continue;
    }
    const testCase: TestCase = { name: `${finding.ruleId} at ${where.position}`, where, findings: [finding], suppressed };
    cases.set(key, testCase);
    const suite = suites.get(where.group) ?? { name: where.group, cases: [] };
    suite.cases.push(testCase);
    suites.set(where.group, suite);
  }
  const passingName = `${context.tool.name} ${context.command}`;
  for (const input of context.inputs ?? []) {
    const file = reportPath(input, context.cwd);
    if (suites.has(file)) continue;
    suites.set(file, { name: file, cases: [{ name: passingName, where: { group: file, position: '', label: file, file }, findings: [], suppressed: false }] });
  }

  const ordered = [...suites.values()].sort((a, b) => a.name.localeCompare(b.name));
  const totals = { tests: 0, failures: 0, skipped: 0 };
  const body: string[] = [];
  for (const suite of ordered) {
    const failures = suite.cases.filter((testCase) => testCase.findings.length > 0 && !testCase.suppressed).length;
    const skipped = suite.cases.filter((testCase) => testCase.suppressed).length;
    totals.tests += suite.cases.length;
    totals.failures += failures;
    totals.skipped += skipped;
    body.push(`  <testsuite name="${attr(suite.name)}" tests="${suite.cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0">`);
    for (const testCase of suite.cases) body.push(...renderCase(suite.name, testCase));
    body.push('  </testsuite>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(passingName)}" tests="${totals.tests}" failures="${totals.failures}" errors="0" skipped="${totals.skipped}" time="0">`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
};

function renderCase(suiteName: string, testCase: TestCase): string[] {
  const fileAttributes = testCase.where.file ? ` file="${attr(testCase.where.file)}"${testCase.where.line ? ` line="${testCase.where.line}"` : ''}` : '';
  const open = `    <testcase classname="${attr(suiteName)}" name="${attr(testCase.name)}"${fileAttributes} time="0"`;
  const first = testCase.findings[0];
  if (!first) return [`${open} />`];
  if (testCase.suppressed) {
    const suppression = first.suppressed!;
    const reason = `suppressed (${suppression.kind})${suppression.justification ? `: ${suppression.justification}` : ''}`;
    return [`${open}>`, `      <skipped message="${attr(reason)}" />`, '    </testcase>'];
  }
  const message = testCase.findings.map((finding) => finding.message).join('\n');
  const worst = testCase.findings.map((finding) => finding.severity).sort(compareSeverity)[0]!;
  return [
    `${open}>`,
    `      <failure message="${attr(message)}" type="${attr(worst)}">${text(failureDetails(testCase))}</failure>`,
    '    </testcase>',
  ];
}

function failureDetails(testCase: TestCase): string {
  const first = testCase.findings[0]!;
  const pointer = isDocumentLocation(first.location) && first.location.pointer ? ` (${first.location.pointer})` : '';
  const lines = testCase.findings.map((finding) => `${finding.severity}: ${finding.message}`);
  lines.push(`Rule: ${first.ruleId}`, `Location: ${testCase.where.label}${pointer}`);
  const mapping = [...first.owasp, ...first.cwe];
  if (mapping.length > 0) lines.push(`Mapping: ${mapping.join(', ')}`);
  if (first.fix) lines.push(`Fix: ${first.fix}`);
  if (first.reproduce) lines.push(`Reproduce: ${first.reproduce}`);
  if (first.docsUrl) lines.push(`Docs: ${first.docsUrl}`);
  return lines.join('\n');
}
