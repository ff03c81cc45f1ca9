import type { ScoreReport } from './score.js';

/** The score as terminal text (appended to the stylish report by `rampart score`). */
export function scoreText(report: ScoreReport, options: { color: boolean } = { color: false }): string {
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const gradeColor = (grade: string) => (grade === 'A' || grade === 'B' ? 32 : grade === 'C' || grade === 'D' ? 33 : 31);
  const lines: string[] = [];
  for (const document of report.documents) {
    lines.push(paint(1, `Score ${document.file}: ${document.overall}/100 (${paint(gradeColor(document.grade), document.grade)}), risk tier ${document.tier}`));
    lines.push(`  tier ${document.tier} because: ${document.tierReasons.join('; ')}`);
    for (const [id, category] of Object.entries(document.categories)) {
      if (category.rules === 0) continue;
      const top = category.costs.slice(0, 3).map((cost) => `${cost.ruleId} −${cost.cost} (${cost.findings})`).join(', ');
      const label = /^API\d+:/.test(id) ? `  ${id}` : id;
      lines.push(`  ${label.padEnd(16)} ${String(category.score).padStart(3)} ${paint(gradeColor(category.grade), category.grade)}${top ? `  ${paint(2, top)}` : ''}`);
      // A cap explains a score the rule costs alone do not: "capped at 30: 3 of 3 operations …".
      for (const cap of category.caps ?? []) if (cap.limit < category.uncapped && !/^API\d+:/.test(id)) lines.push(paint(2, `  ${''.padEnd(16)}     capped at ${cap.limit}: ${cap.reason}`));
    }
    lines.push('');
  }
  return lines.join('\n');
}
