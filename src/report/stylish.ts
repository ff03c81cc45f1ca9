import { countBySeverity, isDocumentLocation, type Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { Reporter } from './types.js';

const COLORS: Record<Severity | 'dim' | 'bold' | 'underline', [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  info: [34, 39],
  hint: [90, 39],
  dim: [2, 22],
  bold: [1, 22],
  underline: [4, 24],
};

/** ESLint-style terminal output: findings grouped by file, aligned columns, a summary line. */
export const stylish: Reporter = (findings, context) => {
  const paint = (style: keyof typeof COLORS, text: string) => (context.color ? `\u001b[${COLORS[style][0]}m${text}\u001b[${COLORS[style][1]}m` : text);
  const visible = findings.filter((finding) => !finding.suppressed);
  const suppressed = findings.length - visible.length;
  const groups = new Map<string, Finding[]>();
  for (const finding of visible) {
    const key = isDocumentLocation(finding.location) ? finding.location.file : finding.location.host ?? '(api)';
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  const lines: string[] = [];
  for (const [file, group] of groups) {
    lines.push(paint('underline', file));
    const rows = group.map((finding) => {
      const where = isDocumentLocation(finding.location)
        ? `${finding.location.line ?? 1}:${finding.location.column ?? 1}`
        : `${finding.location.method.toUpperCase()} ${finding.location.path}`;
      return { where, severity: finding.severity, message: finding.message, ruleId: finding.ruleId };
    });
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    const messageWidth = Math.min(100, Math.max(...rows.map((row) => row.message.length)));
    for (const row of rows) {
      lines.push(
        `  ${paint('dim', row.where.padEnd(whereWidth))}  ${paint(row.severity, row.severity.padEnd(severityWidth))}  ${row.message.padEnd(messageWidth)}  ${paint('dim', row.ruleId)}`,
      );
    }
    lines.push('');
  }
  const counts = countBySeverity(findings);
  const total = visible.length;
  const parts = (['error', 'warning', 'info', 'hint'] as const).filter((severity) => counts[severity] > 0).map((severity) => `${counts[severity]} ${plural(severity, counts[severity])}`);
  const tail = suppressed > 0 ? `, ${suppressed} suppressed` : '';
  if (total === 0) {
    lines.push(paint('bold', `✔ No problems found${tail}.`));
  } else {
    const worst: Severity = counts.error ? 'error' : counts.warning ? 'warning' : counts.info ? 'info' : 'hint';
    lines.push(paint(worst, paint('bold', `✖ ${total} ${total === 1 ? 'problem' : 'problems'} (${parts.join(', ')})${tail}`)));
  }
  return lines.join('\n') + '\n';
};

function plural(severity: Severity, count: number): string {
  if (count === 1) return severity;
  return severity === 'info' ? 'infos' : `${severity}s`;
}
