import { readFileSync } from 'node:fs';
import path from 'node:path';
import { countBySeverity, isDocumentLocation, type Finding } from '../core/finding.js';
import { OWASP_CATEGORIES } from '../core/owasp.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import type { ReportContext, Reporter } from './types.js';

/** Lines shown around a finding's line in its source excerpt. */
const EXCERPT_RADIUS = 2;
/** Past this many findings, excerpts are left out so the file stays small enough to open. */
const EXCERPT_LIMIT = 5000;

const OWASP = OWASP_CATEGORIES;

/** The parts of the `score` block the report draws; anything else in it is ignored. */
interface ScoreBlock {
  overall?: number;
  grade?: string;
  tier?: number;
  tierReasons?: string[];
  categories?: Record<string, { name?: string; score?: number; grade?: string; costs?: { ruleId: string; cost: number; findings: number }[] }>;
}

/**
 * One self-contained HTML file: no network (a CSP forbids it), inline CSS and script. Score gauges,
 * a chart of findings by OWASP category and severity, findings grouped by rule with their rule's
 * documentation and a source excerpt, and filters by severity, rule and path. It reads the
 * analysed files (relative to `cwd`) for excerpts; an unreadable file only loses its excerpts.
 */
export const html: Reporter = (findings, context) => {
  const visible = findings.filter((finding) => !finding.suppressed);
  const counts = countBySeverity(findings);
  const score = asScore(context.blocks?.score);
  const excerpts = new ExcerptReader(context.cwd, visible.length <= EXCERPT_LIMIT);
  const groups = groupByRule(visible);
  const title = `${context.tool.name} ${context.command} report`;
  const parts: string[] = [];
  parts.push(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="meta">${esc(context.tool.name)} ${esc(context.tool.version)}${context.inputs && context.inputs.length > 0 ? ` · ${context.inputs.map(esc).join(', ')}` : ''}</p>
</header>
<main>
<section class="summary" aria-label="Summary">
<div class="counts">
<div class="count total"><span id="count-total" data-count="${visible.length}">${visible.length}</span><small>findings</small></div>
${SEVERITIES.map((severity) => `<div class="count ${severity}"><span id="count-${severity}" data-count="${counts[severity]}">${counts[severity]}</span><small>${severity}</small></div>`).join('\n')}
${findings.length > visible.length ? `<div class="count suppressed"><span id="count-suppressed">${findings.length - visible.length}</span><small>suppressed</small></div>` : ''}
</div>
${score ? renderScore(score) : ''}
</section>
<section aria-label="Findings by OWASP category and severity">
<h2>Findings by OWASP API Top 10 (2023) category and severity</h2>
${renderChart(visible)}
</section>
<section aria-label="Findings">
<h2>Findings</h2>
<form class="filters" id="filters" onsubmit="return false">
<fieldset><legend>Severity</legend>
${SEVERITIES.map((severity) => `<label><input type="checkbox" name="severity" value="${severity}" checked> ${severity}</label>`).join('\n')}
</fieldset>
<label>Rule <select id="filter-rule"><option value="">all rules</option>${groups.map((group) => `<option value="${esc(group.ruleId)}">${esc(group.ruleId)} (${group.findings.length})</option>`).join('')}</select></label>
<label>Path <input id="filter-path" type="search" placeholder="file, pointer or /path"></label>
<span class="shown">showing <strong id="count-shown">${visible.length}</strong> of ${visible.length}</span>
</form>
<div id="groups">`);
  for (const group of groups) parts.push(renderGroup(group, context, excerpts));
  parts.push(`</div>
<p id="empty" hidden>No finding matches the filters.</p>
</section>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`);
  return parts.join('\n');
};

interface RuleGroup {
  ruleId: string;
  severity: Severity;
  findings: Finding[];
}

function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const finding of findings) {
    const group = groups.get(finding.ruleId);
    if (!group) groups.set(finding.ruleId, { ruleId: finding.ruleId, severity: finding.severity, findings: [finding] });
    else {
      group.findings.push(finding);
      if (SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(group.severity)) group.severity = finding.severity;
    }
  }
  return [...groups.values()].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.findings.length - a.findings.length || a.ruleId.localeCompare(b.ruleId),
  );
}

function renderGroup(group: RuleGroup, context: ReportContext, excerpts: ExcerptReader): string {
  const info = context.rules.get(group.ruleId);
  const ruleDocs = info?.docs;
  const first = group.findings[0]!;
  const tags = [...first.owasp, ...first.cwe].map((tag) => `<span class="tag">${esc(tag)}</span>`).join(' ');
  const docs: string[] = [];
  const description = info?.description;
  if (description) docs.push(`<p>${esc(description)}</p>`);
  if (ruleDocs) {
    docs.push(`<p><strong>Why:</strong> ${esc(ruleDocs.why)}</p><p><strong>Fix:</strong> ${esc(ruleDocs.fix)}</p>`);
    docs.push(`<div class="examples"><div><h4>Bad</h4><pre>${esc(ruleDocs.bad)}</pre></div><div><h4>Good</h4><pre>${esc(ruleDocs.good)}</pre></div></div>`);
  } else if (info?.help) {
    docs.push(`<p>${esc(info.help)}</p>`);
  }
  const docsUrl = info?.docsUrl ?? first.docsUrl;
  if (docsUrl) docs.push(`<p class="docs-link">Documentation: <code>${esc(docsUrl)}</code></p>`);
  const items = group.findings.map((finding) => renderFinding(finding, excerpts)).join('\n');
  return `<details class="group" data-rule="${esc(group.ruleId)}" open>
<summary><span class="sev ${group.severity}">${group.severity}</span> <code>${esc(group.ruleId)}</code> <span class="group-count">${group.findings.length}</span> ${tags}</summary>
<div class="rule-docs">${docs.join('\n')}</div>
<ol class="findings">
${items}
</ol>
</details>`;
}

function renderFinding(finding: Finding, excerpts: ExcerptReader): string {
  const location = finding.location;
  let where: string;
  let pathKey: string;
  let excerpt = '';
  if (isDocumentLocation(location)) {
    where = `${location.file}${location.line ? `:${location.line}:${location.column ?? 1}` : ''}`;
    const segments = location.pointer.split('/');
    // `/paths/~1users~1{id}/get` → also searchable as `/users/{id}`.
    const apiPath = segments[1] === 'paths' && segments[2] ? segments[2].replace(/~1/g, '/').replace(/~0/g, '~') : '';
    pathKey = `${location.file} ${location.pointer} ${apiPath}`;
    if (location.line) excerpt = excerpts.render(location.file, location.line);
  } else {
    where = `${location.method} ${location.path}${location.host ? ` (${location.host})` : ''}`;
    pathKey = where;
  }
  return `<li class="finding" data-severity="${finding.severity}" data-rule="${esc(finding.ruleId)}" data-path="${esc(pathKey.toLowerCase())}">
<div class="line"><span class="sev ${finding.severity}">${finding.severity}</span> <span class="message">${esc(finding.message)}</span></div>
<div class="where"><code>${esc(where)}</code>${isDocumentLocation(location) ? ` <code class="pointer">${esc(location.pointer || '/')}</code>` : ''}</div>
${finding.fix ? `<div class="fix">Fix: ${esc(finding.fix)}</div>` : ''}${excerpt}${finding.reproduce ? `<pre class="reproduce">${esc(finding.reproduce)}</pre>` : ''}
</li>`;
}

function renderChart(findings: readonly Finding[]): string {
  const rows: { id: string; name: string; counts: Record<Severity, number> }[] = OWASP.map(([id, name]) => ({ id, name, counts: countBySeverity(findings.filter((finding) => finding.owasp.includes(id))) }));
  const other = countBySeverity(findings.filter((finding) => !finding.owasp.some((tag) => tag.endsWith(':2023'))));
  rows.push({ id: 'other', name: 'Not in the OWASP API Top 10 (design, documentation)', counts: other });
  const max = Math.max(1, ...rows.map((row) => SEVERITIES.reduce((sum, severity) => sum + row.counts[severity], 0)));
  const body = rows
    .map((row) => {
      const total = SEVERITIES.reduce((sum, severity) => sum + row.counts[severity], 0);
      const segments = SEVERITIES.filter((severity) => row.counts[severity] > 0)
        .map((severity) => `<span class="bar ${severity}" style="width:${((100 * row.counts[severity]) / max).toFixed(2)}%" title="${row.counts[severity]} ${severity}"></span>`)
        .join('');
      return `<tr data-category="${esc(row.id)}" data-total="${total}"><th scope="row"><span class="cat-id">${esc(row.id === 'other' ? '—' : row.id)}</span> ${esc(row.name)}</th><td class="bars">${segments}</td><td class="num">${total}</td>${SEVERITIES.map((severity) => `<td class="num ${severity}">${row.counts[severity]}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<table class="chart" id="owasp-chart"><thead><tr><th>Category</th><th></th><th>total</th>${SEVERITIES.map((severity) => `<th>${severity}</th>`).join('')}</tr></thead><tbody>
${body}
</tbody></table>`;
}

function renderScore(score: ScoreBlock): string {
  const gauges: string[] = [];
  if (typeof score.overall === 'number') gauges.push(gauge('overall', 'Overall', score.overall, score.grade));
  for (const id of ['security', 'design', 'documentation']) {
    const category = score.categories?.[id];
    if (category && typeof category.score === 'number') gauges.push(gauge(id, category.name ?? id, category.score, category.grade));
  }
  const owasp = OWASP.map(([id, name]) => ({ id, name, category: score.categories?.[id] }))
    .filter((entry) => typeof entry.category?.score === 'number')
    .map((entry) => `<tr><th scope="row">${esc(entry.id)} ${esc(entry.name)}</th><td><meter min="0" max="100" low="60" high="80" optimum="100" value="${entry.category!.score}"></meter></td><td class="num" data-score-category="${esc(entry.id)}">${entry.category!.score}</td><td>${esc(entry.category!.grade ?? '')}</td></tr>`)
    .join('\n');
  const security = score.categories?.security;
  const costs = security?.costs?.slice(0, 5).map((cost) => `<li><code>${esc(cost.ruleId)}</code>: −${cost.cost} (${cost.findings} finding${cost.findings === 1 ? '' : 's'})</li>`).join('') ?? '';
  return `<div class="score">
<div class="gauges">${gauges.join('\n')}</div>
${typeof score.tier === 'number' ? `<p class="tier tier-${score.tier}">Risk tier <strong id="risk-tier">${score.tier}</strong>${score.tierReasons?.length ? `: ${score.tierReasons.map(esc).join('; ')}` : ''}</p>` : ''}
${costs ? `<div class="costs"><h3>What costs the most security points</h3><ul>${costs}</ul></div>` : ''}
${owasp ? `<table class="owasp-scores"><caption>Security score per OWASP API Top 10 (2023) category</caption>${owasp}</table>` : ''}
</div>`;
}

/** A semicircular SVG gauge, 0-100. */
function gauge(id: string, label: string, value: number, grade: string | undefined): string {
  const clamped = Math.max(0, Math.min(100, value));
  const angle = Math.PI * (1 - clamped / 100);
  const x = (60 + 50 * Math.cos(angle)).toFixed(2);
  const y = (60 - 50 * Math.sin(angle)).toFixed(2);
  const colour = clamped >= 80 ? '#2e7d32' : clamped >= 60 ? '#ef6c00' : '#c62828';
  return `<figure class="gauge" data-gauge="${esc(id)}" data-value="${value}">
<svg viewBox="0 0 120 70" width="160" height="94" role="img" aria-label="${esc(label)} ${value} of 100">
<path d="M10 60 A50 50 0 0 1 110 60" fill="none" stroke="#e0e0e0" stroke-width="12"/>
${clamped > 0 ? `<path d="M10 60 A50 50 0 0 1 ${x} ${y}" fill="none" stroke="${colour}" stroke-width="12"/>` : ''}
<text x="60" y="58" text-anchor="middle" font-size="22" font-weight="bold">${value}</text>
</svg>
<figcaption>${esc(label)}${grade ? ` <span class="grade">${esc(grade)}</span>` : ''}</figcaption>
</figure>`;
}

/** Reads each file once and renders numbered lines around a finding. */
class ExcerptReader {
  private readonly files = new Map<string, string[] | undefined>();
  constructor(
    private readonly cwd: string,
    private readonly enabled: boolean,
  ) {}

  render(file: string, line: number): string {
    if (!this.enabled) return '';
    let lines = this.files.get(file);
    if (!this.files.has(file)) {
      try {
        lines = readFileSync(path.resolve(this.cwd, file), 'utf8').split(/\r?\n/);
      } catch {
        lines = undefined;
      }
      this.files.set(file, lines);
    }
    if (!lines || line > lines.length) return '';
    const from = Math.max(1, line - EXCERPT_RADIUS);
    const to = Math.min(lines.length, line + EXCERPT_RADIUS);
    const rows: string[] = [];
    for (let number = from; number <= to; number++) {
      const text = lines[number - 1]!;
      // Minified JSON has megabyte lines: show the start only.
      const shown = text.length > 240 ? `${text.slice(0, 240)}…` : text;
      rows.push(`<span class="ln${number === line ? ' hit' : ''}"><i>${number}</i>${esc(shown)}</span>`);
    }
    return `<pre class="excerpt">${rows.join('')}</pre>`;
  }
}

function asScore(value: unknown): ScoreBlock | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as ScoreBlock) : undefined;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

const STYLE = `
:root{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1b1b1b;background:#fafafa}
body{margin:0}header{background:#263238;color:#fff;padding:16px 24px}header h1{margin:0;font-size:22px}.meta{margin:4px 0 0;opacity:.8;font-size:13px}
main{padding:16px 24px;max-width:1200px}section{margin-bottom:28px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px}
.counts{display:flex;gap:12px;flex-wrap:wrap}.count{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 14px;text-align:center;min-width:70px}
.count span{display:block;font-size:24px;font-weight:bold}.count small{color:#555}
.count.error span,.sev.error,td.error{color:#c62828}.count.warning span,.sev.warning,td.warning{color:#ef6c00}.count.info span,.sev.info,td.info{color:#1565c0}.count.hint span,.sev.hint,td.hint{color:#616161}
.score{margin-top:16px}.gauges{display:flex;gap:12px;flex-wrap:wrap}.gauge{margin:0;background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px;text-align:center}
.grade{display:inline-block;background:#263238;color:#fff;border-radius:4px;padding:0 6px;font-weight:bold}
.tier{font-size:15px}.tier-1 strong{color:#c62828}.tier-2 strong{color:#ef6c00}.tier-3 strong{color:#2e7d32}
table{border-collapse:collapse;background:#fff}th,td{padding:4px 8px;border-bottom:1px solid #eee;text-align:left;font-size:13px}td.num{text-align:right}
.chart{width:100%}.chart .bars{width:45%;white-space:nowrap}.bar{display:inline-block;height:14px}.bar.error{background:#c62828}.bar.warning{background:#ef6c00}.bar.info{background:#1565c0}.bar.hint{background:#9e9e9e}
.cat-id{font-family:monospace;color:#555}.owasp-scores caption{text-align:left;font-weight:bold;padding:6px 0}
.filters{display:flex;gap:16px;align-items:center;flex-wrap:wrap;background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px;position:sticky;top:0;z-index:1}
.filters fieldset{border:0;margin:0;padding:0;display:flex;gap:8px}.filters legend{float:left;margin-right:6px;font-weight:bold}
.group{background:#fff;border:1px solid #ddd;border-radius:6px;margin:10px 0;padding:6px 12px}.group summary{cursor:pointer;font-size:14px}
.group-count{background:#eceff1;border-radius:10px;padding:0 8px;font-size:12px}.tag{background:#fff3e0;border:1px solid #ffcc80;border-radius:4px;padding:0 4px;font-size:11px}
.rule-docs{font-size:13px;color:#333;border-left:3px solid #90a4ae;padding-left:10px;margin:8px 0}.examples{display:flex;gap:12px}.examples>div{flex:1;min-width:0}.examples h4{margin:4px 0}
pre{background:#f5f5f5;padding:6px;overflow:auto;font-size:12px;margin:4px 0}.findings{padding-left:20px}.finding{margin:8px 0;font-size:13px}.where code{font-size:12px}.pointer{color:#666}
.excerpt .ln{display:block}.excerpt .ln i{display:inline-block;width:3.5em;color:#999;font-style:normal;user-select:none}.excerpt .hit{background:#fff59d}
.sev{font-weight:bold;text-transform:uppercase;font-size:11px}.fix{color:#2e7d32;font-size:12px}
`;

/** Filtering: a finding shows when its severity is ticked, its rule selected, and its path contains the text. */
const SCRIPT = `
(function(){
  var form=document.getElementById('filters');
  var rule=document.getElementById('filter-rule');
  var text=document.getElementById('filter-path');
  var shown=document.getElementById('count-shown');
  var empty=document.getElementById('empty');
  var groups=Array.prototype.slice.call(document.querySelectorAll('.group'));
  function apply(){
    var severities={};
    Array.prototype.forEach.call(form.querySelectorAll('input[name=severity]'),function(box){severities[box.value]=box.checked;});
    var wantRule=rule.value, needle=text.value.trim().toLowerCase(), total=0;
    groups.forEach(function(group){
      var visible=0;
      Array.prototype.forEach.call(group.querySelectorAll('.finding'),function(item){
        var ok=severities[item.getAttribute('data-severity')]&&(!wantRule||item.getAttribute('data-rule')===wantRule)&&(!needle||item.getAttribute('data-path').indexOf(needle)!==-1);
        item.hidden=!ok; if(ok)visible++;
      });
      group.hidden=visible===0; total+=visible;
    });
    shown.textContent=String(total); empty.hidden=total!==0;
  }
  form.addEventListener('change',apply); text.addEventListener('input',apply);
})();
`;
