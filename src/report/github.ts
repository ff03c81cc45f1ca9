import { isDocumentLocation, type Finding } from '../core/finding.js';
import { compareSeverity, type Severity } from '../core/severity.js';
import { isRevisionFile, placesForCodeHost, reportPath } from './paths.js';
import type { Reporter } from './types.js';

const COMMANDS: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Workflow-command data: `%`, CR and LF would otherwise end or corrupt the command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command properties additionally escape `:` and `,`, which separate properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions annotations (`::error file=…,line=…::message`). GitHub shows only the first few
 * annotations of each kind per step, so the most severe come first. Suppressed findings are left out.
 */
export const github: Reporter = (findings, context) => {
  const visible = findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding }) => !finding.suppressed)
    .sort((a, b) => compareSeverity(a.finding.severity, b.finding.severity) || a.index - b.index);
  return visible.map(({ finding }) => annotation(finding, context.cwd, context.revisions) + '\n').join('');
};

function annotation(finding: Finding, cwd: string, revisions: readonly string[] | undefined): string {
  const properties: Array<[string, string | number]> = [];
  let message = finding.message;
  // A change located in the base revision is annotated at its counterpart in the working tree, if any.
  const location = placesForCodeHost(finding, revisions).primary;
  if (isDocumentLocation(location) && isRevisionFile(location.file, revisions)) {
    message = `${location.file}${location.line !== undefined ? `:${location.line}` : ''}: ${message}`;
  } else if (isDocumentLocation(location)) {
    properties.push(['file', reportPath(location.file, cwd)]);
    if (location.line !== undefined) {
      properties.push(['line', location.line]);
      const endLine = location.endLine ?? location.line;
      // GitHub accepts columns only for annotations on a single line.
      if (endLine === location.line) {
        if (location.column !== undefined) properties.push(['col', location.column]);
        properties.push(['endLine', endLine]);
        if (location.endColumn !== undefined) properties.push(['endColumn', location.endColumn]);
      } else {
        properties.push(['endLine', endLine]);
      }
    }
  } else {
    message = `${location.method.toUpperCase()} ${location.path}${location.host ? ` (${location.host})` : ''}: ${message}`;
  }
  properties.push(['title', finding.ruleId]);
  if (finding.fix) message += `\nFix: ${finding.fix}`;
  const rendered = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMANDS[finding.severity]} ${rendered}::${escapeData(message)}`;
}
