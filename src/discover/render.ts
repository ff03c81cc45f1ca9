import type { Inventory, InventoryEndpoint } from './inventory.js';

/** The inventory as Markdown tables (pull requests, wikis). Never prints values, only classes and counts. */
export function inventoryMarkdown(inventory: Inventory): string {
  const lines: string[] = ['## API inventory', ''];
  const summary = inventory.summary;
  lines.push(`${summary.exchanges} exchanges · ${summary.endpoints} endpoints · hosts: ${summary.hosts.join(', ') || '—'} · static assets: ${summary.staticAssets} · health checks: ${summary.healthChecks}`, '');
  lines.push('| Method | Path | Protocol | Calls | Statuses | p50/p99 ms | Auth | Sensitive | Confidence |', '|---|---|---|---:|---|---|---|---|---:|');
  for (const endpoint of inventory.endpoints) {
    lines.push(
      `| ${endpoint.method} | \`${endpoint.path}\`${endpoint.operation ? ` ${escape(endpoint.operation)}` : ''} | ${endpoint.protocol} | ${endpoint.count} | ${statuses(endpoint)} | ${latency(endpoint)} | ${auth(endpoint)} | ${endpoint.sensitive.join(', ') || '—'} | ${endpoint.confidence} |`,
    );
  }
  if (inventory.healthChecks.length > 0) {
    lines.push('', '### Health checks', '');
    for (const check of inventory.healthChecks) lines.push(`- ${check.method} \`${check.path}\` (${check.count})`);
  }
  if (inventory.staticAssets.length > 0) {
    lines.push('', '### Static assets', '');
    for (const asset of inventory.staticAssets) lines.push(`- .${asset.extension}: ${asset.count}`);
  }
  return lines.join('\n') + '\n';
}

/** The inventory as aligned terminal text, printed before the findings. */
export function inventoryText(inventory: Inventory): string {
  const rows = inventory.endpoints.map((endpoint) => [
    endpoint.method,
    endpoint.path + (endpoint.operation ? ` [${endpoint.operation}]` : ''),
    endpoint.protocol,
    String(endpoint.count),
    statuses(endpoint),
    auth(endpoint),
    endpoint.sensitive.join(',') || '-',
  ]);
  const header = ['METHOD', 'PATH', 'PROTOCOL', 'CALLS', 'STATUSES', 'AUTH', 'SENSITIVE'];
  const widths = header.map((title, k) => Math.min(60, Math.max(title.length, ...rows.map((row) => row[k]!.length))));
  const format = (row: string[]) => row.map((cell, k) => cell.padEnd(widths[k]!)).join('  ').trimEnd();
  const summary = inventory.summary;
  return [
    `Inventory: ${summary.exchanges} exchanges, ${summary.endpoints} endpoints, ${summary.hosts.length} host(s); ${summary.staticAssets} static, ${summary.healthChecks} health checks`,
    format(header),
    ...rows.map(format),
    '',
  ].join('\n');
}

function statuses(endpoint: InventoryEndpoint): string {
  return Object.keys(endpoint.statuses).sort().join(' ');
}

function latency(endpoint: InventoryEndpoint): string {
  return endpoint.latencyMs ? `${endpoint.latencyMs.p50 ?? '—'}/${endpoint.latencyMs.p99 ?? '—'}` : '—';
}

function auth(endpoint: InventoryEndpoint): string {
  return Object.keys(endpoint.auth.kinds).sort().join(', ');
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|');
}
