import type { Finding } from '../core/finding.js';
import type { Reporter } from './types.js';

/** Changelog sections in the order release notes read them (Keep a Changelog, plus Breaking first). */
const SECTIONS = ['Breaking', 'Deprecated', 'Added', 'Changed', 'Removed'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * Markdown release notes from diff findings (their `fields`: level, action, operation), grouped by
 * section, then by endpoint. Other findings land in "Changed".
 */
export const changelog: Reporter = (findings, context) => {
  const groups = new Map<Section, Map<string, Finding[]>>();
  for (const finding of findings) {
    if (finding.suppressed) continue;
    const section = sectionOf(finding);
    const endpoint = typeof finding.fields?.operation === 'string' ? finding.fields.operation : 'API';
    let byEndpoint = groups.get(section);
    if (!byEndpoint) groups.set(section, (byEndpoint = new Map()));
    const list = byEndpoint.get(endpoint);
    if (list) list.push(finding);
    else byEndpoint.set(endpoint, [finding]);
  }
  const inputs = context.inputs && context.inputs.length === 2 ? ` (${context.inputs[0]} → ${context.inputs[1]})` : '';
  const lines = [`# API changelog${inputs}`, ''];
  if (groups.size === 0) lines.push('No changes.', '');
  for (const section of SECTIONS) {
    const byEndpoint = groups.get(section);
    if (!byEndpoint) continue;
    lines.push(`## ${section}`, '');
    // API-wide entries first, then endpoints in path order.
    const endpoints = [...byEndpoint.keys()].sort((a, b) => (a === 'API' ? -1 : b === 'API' ? 1 : endpointKey(a).localeCompare(endpointKey(b))));
    for (const endpoint of endpoints) {
      lines.push(`### ${endpoint === 'API' ? 'API' : `\`${endpoint}\``}`, '');
      for (const finding of byEndpoint.get(endpoint)!) {
        const text = finding.message.startsWith(`${endpoint}: `) ? finding.message.slice(endpoint.length + 2) : finding.message;
        const warning = finding.fields?.level === 'warning' ? '**warning**: ' : '';
        lines.push(`- ${warning}${escapeMarkdown(text)} (\`${finding.ruleId}\`)`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
};

function sectionOf(finding: Finding): Section {
  const fields = finding.fields ?? {};
  if (fields.level === 'breaking') return 'Breaking';
  switch (fields.action) {
    case 'deprecate':
      return 'Deprecated';
    case 'add':
      return 'Added';
    case 'remove':
      return 'Removed';
    default:
      return 'Changed';
  }
}

/** `GET /users` sorts by path first, then method. */
function endpointKey(endpoint: string): string {
  const space = endpoint.indexOf(' ');
  return space === -1 ? endpoint : `${endpoint.slice(space + 1)} ${endpoint.slice(0, space)}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([<>*_`|\\])/g, '\\$1');
}
