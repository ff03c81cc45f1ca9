import { countBySeverity, type Finding } from '../core/finding.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import type { Reporter } from './types.js';
import { describeLocation } from './where.js';

/** PR comments have a size limit (65,536 characters on GitHub); long tables stop here by default. */
export const MARKDOWN_MAX_ROWS = 50;

const BADGES: Record<Severity, string> = { error: '🔴 error', warning: '🟠 warning', info: '🔵 info', hint: '⚪ hint' };

export interface MarkdownOptions {
  /** Rows shown before the table is cut with a note. */
  maxRows?: number;
}

/** Escapes text for a GFM table cell: HTML, Markdown emphasis/link syntax, pipes; newlines become `<br>`. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~|]/g, (char) => `\\${char}`)
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Only http(s) links, with the characters that would end a Markdown link destination encoded. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[\s()<>|"'`\\[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A pull-request summary: headline with counts, findings grouped by file, and the score when one is given. */
export function createMarkdownReporter(options: MarkdownOptions = {}): Reporter {
  const maxRows = Math.max(0, options.maxRows ?? MARKDOWN_MAX_ROWS);
  return (findings, context) => {
    const visible = findings.filter((finding) => !finding.suppressed);
    const suppressed = findings.length - visible.length;
    const counts = countBySeverity(findings);
    const title = `${capitalize(context.tool.name)} ${context.command}`;
    const tail = suppressed > 0 ? `, ${suppressed} suppressed` : '';
    const lines: string[] = [];
    if (visible.length === 0) {
      lines.push(`## ✅ ${escapeMarkdown(title)}: no problems found${tail}`);
    } else {
      const parts = SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => `${counts[severity]} ${plural(severity, counts[severity])}`);
      const icon = counts.error > 0 ? '❌' : '⚠️';
      lines.push(`## ${icon} ${escapeMarkdown(title)}: ${visible.length} ${visible.length === 1 ? 'problem' : 'problems'} (${parts.join(', ')})${tail}`);
    }
    lines.push(...renderScore(context.blocks?.score));

    const groups = new Map<string, Array<{ finding: Finding; label: string }>>();
    for (const finding of visible) {
      const where = describeLocation(finding.location, context.cwd);
      const label = where.file ? `${where.file}:${where.line ?? 1}` : where.label;
      const group = groups.get(where.group);
      if (group) group.push({ finding, label });
      else groups.set(where.group, [{ finding, label }]);
    }
    let shown = 0;
    for (const [name, rows] of groups) {
      if (shown >= maxRows) break;
      lines.push('', `### ${escapeMarkdown(name)} (${rows.length})`, '', '| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |');
      for (const { finding, label } of rows) {
        if (shown >= maxRows) break;
        shown++;
        const url = safeUrl(finding.docsUrl);
        const rule = url ? `[${escapeMarkdown(finding.ruleId)}](${url})` : escapeMarkdown(finding.ruleId);
        lines.push(`| ${BADGES[finding.severity]} | ${rule} | ${escapeMarkdown(label)} | ${escapeMarkdown(finding.message)} |`);
      }
    }
    if (shown < visible.length) {
      lines.push('', `_Showing ${shown} of ${visible.length} findings; ${visible.length - shown} more not shown. The SARIF or JSON report lists all of them._`);
    }
    return lines.join('\n') + '\n';
  };
}

export const markdown: Reporter = createMarkdownReporter();

/**
 * Renders `context.blocks.score` when it looks like a score: a number, or an object with a numeric
 * `score`/`overall`/`total`, an optional `grade`/`tier`, and optional per-category scores. Anything
 * else is left out rather than guessed at.
 */
function renderScore(block: unknown): string[] {
  const overall = typeof block === 'number' ? block : isRecord(block) ? firstNumber(block, ['score', 'overall', 'total', 'value']) : undefined;
  if (overall === undefined) return [];
  const record = isRecord(block) ? block : {};
  const max = firstNumber(record, ['max', 'outOf']) ?? 100;
  const grade = firstString(record, ['grade', 'tier', 'rating']);
  const lines = ['', `**Score: ${formatNumber(overall)}/${formatNumber(max)}**${grade ? ` (${escapeMarkdown(grade)})` : ''}`];
  const categories = categoryRows(record.categories);
  if (categories.length > 0) {
    lines.push('', '| Category | Score |', '| --- | --- |');
    for (const [name, score] of categories) lines.push(`| ${escapeMarkdown(name)} | ${formatNumber(score)} |`);
  }
  return lines;
}

function categoryRows(value: unknown): Array<[string, number]> {
  const rows: Array<[string, number]> = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!isRecord(item)) continue;
      const name = firstString(item, ['name', 'title', 'id', 'category']);
      const score = firstNumber(item, ['score', 'value']);
      if (name !== undefined && score !== undefined) rows.push([name, score]);
    }
  } else if (isRecord(value)) {
    for (const [name, item] of Object.entries(value)) {
      const score = typeof item === 'number' && Number.isFinite(item) ? item : isRecord(item) ? firstNumber(item, ['score', 'value']) : undefined;
      if (score !== undefined) rows.push([name, score]);
    }
  }
  return rows;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstNumber(record: Record<string, unknown>, keys: readonly string[]): number | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

function firstString(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(severity: Severity, count: number): string {
  if (count === 1) return severity;
  return severity === 'info' ? 'infos' : `${severity}s`;
}
