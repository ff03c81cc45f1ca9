import type { SourceRange } from '../source.js';

/** "line:col-endLine:endCol", the compact form the position tables use. */
export function formatRange(range: SourceRange): string {
  return `${range.line}:${range.column}-${range.endLine}:${range.endColumn}`;
}

/** Offsets of each line start, computed here independently of the loader's own LineIndex. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The text a range covers (columns count UTF-16 code units, as editors and SARIF do). */
export function textAt(text: string, range: SourceRange, starts = lineStarts(text)): string {
  const from = starts[range.line - 1]! + range.column - 1;
  const to = starts[range.endLine - 1]! + range.endColumn - 1;
  return text.slice(from, to);
}
