import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { RampartError } from '../core/errors.js';
import { countBySeverity, isDocumentLocation, type Finding } from '../core/finding.js';
import { parseSeverity } from '../core/severity.js';
import { discover } from '../discover/discover.js';
import { discoverChecks } from '../discover/checks/index.js';
import { toYaml } from '../discover/openapi.js';
import { inventoryMarkdown, inventoryText } from '../discover/render.js';
import { reporters } from '../report/index.js';
import type { RuleInfo } from '../report/types.js';
import { isTrafficFormat, trafficReaders } from '../traffic/readers/index.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { CommandIO } from './io.js';
import { useColor } from './io.js';
import { exitCodeFor } from './lint.js';

export interface DiscoverFlags {
  spec?: string;
  openapi?: string;
  format?: string[];
  overrides?: string;
  inputFormat?: string;
  failSeverity?: string;
  maxBodyBytes?: string;
  color?: boolean;
}

const FORMATS = ['stylish', 'json', 'markdown'] as const;
type DiscoverFormat = (typeof FORMATS)[number];

export function registerDiscover(program: Command, run: (action: () => Promise<number>) => Promise<void>, io: CommandIO): void {
  program
    .command('discover')
    .description('Build the API inventory from traffic (HAR, JSON lines, access logs); compare it with a description.')
    .argument('<files...>', 'traffic files or globs (HAR, Rampart JSON lines, nginx/Envoy JSON logs; .gz allowed)')
    .option('-s, --spec <file>', 'API description to compare with: shadow, zombie, unused, drift findings')
    .option('--openapi <file>', 'write the reconstructed OpenAPI 3.1 description (YAML) to this file')
    .option('-f, --format <format[:file]>', 'stylish (default), json, markdown; repeatable', (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    .option('--overrides <file>', 'path template overrides (YAML: templates / literals)')
    .option('--input-format <format>', `force the input format: ${Object.keys(trafficReaders).join(', ')}`)
    .option('--fail-severity <severity>', 'exit 1 when a finding is at or above this severity', 'error')
    .option('--max-body-bytes <n>', 'bodies larger than this are counted but not analysed', String(4 * 1024 * 1024))
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .action((files: string[], flags: DiscoverFlags) => run(() => discoverCommand(files, flags, io)));
}

export async function discoverCommand(files: string[], flags: DiscoverFlags, io: CommandIO): Promise<number> {
  const failSeverity = parseSeverity(flags.failSeverity ?? 'error');
  if (!failSeverity || failSeverity === 'off') throw new RampartError('RAMPART_USAGE', `--fail-severity: expected error, warning, info or hint, got "${flags.failSeverity}"`);
  if (flags.inputFormat && !isTrafficFormat(flags.inputFormat)) {
    throw new RampartError('RAMPART_USAGE', `--input-format: unknown format "${flags.inputFormat}". Available: ${Object.keys(trafficReaders).join(', ')}`);
  }
  const maxBodyBytes = Number(flags.maxBodyBytes ?? 4 * 1024 * 1024);
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) throw new RampartError('RAMPART_USAGE', `--max-body-bytes: expected an integer ≥ 0, got "${flags.maxBodyBytes}"`);
  const targets = parseTargets(flags.format);
  const result = await discover(files, {
    cwd: io.cwd,
    spec: flags.spec,
    overrides: flags.overrides,
    format: flags.inputFormat as never,
    maxBodyBytes,
    openapi: Boolean(flags.openapi),
  });
  const shown = result.warnings.slice(0, 20);
  for (const warning of shown) io.stderr(`${TOOL_NAME}: warning: ${warning}\n`);
  if (result.warnings.length > shown.length) io.stderr(`${TOOL_NAME}: warning: ${result.warnings.length - shown.length} more input warnings\n`);
  if (flags.openapi && result.openapi) writeFile(io.cwd, flags.openapi, toYaml(result.openapi));

  const rules = new Map<string, RuleInfo>(
    Object.values(discoverChecks).map((check) => [check.id, { id: check.id, description: check.description, defaultSeverity: check.defaultSeverity, owasp: check.owasp, cwe: check.cwe }]),
  );
  const color = useColor(io, flags.color);
  for (const target of targets) {
    const text = render(target.format, result.findings, result.inventory, { rules, color: target.file ? false : color, cwd: io.cwd, inputs: result.files });
    if (target.file) writeFile(io.cwd, target.file, text);
    else io.stdout(text);
  }
  return exitCodeFor(result.findings, failSeverity);
}

function render(format: DiscoverFormat, findings: Finding[], inventory: unknown, context: { rules: Map<string, RuleInfo>; color: boolean; cwd: string; inputs: string[] }): string {
  const reportContext = { tool: { name: TOOL_NAME, version: TOOL_VERSION }, cwd: context.cwd, command: 'discover', rules: context.rules, color: context.color, inputs: context.inputs, blocks: { inventory } };
  const typed = inventory as Parameters<typeof inventoryText>[0];
  if (format === 'json') return reporters.json(findings, reportContext);
  if (format === 'markdown') return inventoryMarkdown(typed) + '\n' + findingsMarkdown(findings);
  return inventoryText(typed) + '\n' + reporters.stylish(findings, reportContext);
}

/** A Markdown findings table; used until a shared markdown reporter exists. */
function findingsMarkdown(findings: readonly Finding[]): string {
  const visible = findings.filter((finding) => !finding.suppressed);
  if (visible.length === 0) return '## Findings\n\nNo findings.\n';
  const counts = countBySeverity(visible);
  const lines = ['## Findings', '', `${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`, '', '| Severity | Rule | Where | Message | OWASP |', '|---|---|---|---|---|'];
  for (const finding of visible) {
    const where = isDocumentLocation(finding.location) ? `${finding.location.file}:${finding.location.line ?? 1}` : `${finding.location.method} ${finding.location.path}`;
    lines.push(`| ${finding.severity} | ${finding.ruleId} | \`${where}\` | ${finding.message.replace(/\|/g, '\\|')} | ${finding.owasp.join(' ')} |`);
  }
  return lines.join('\n') + '\n';
}

function parseTargets(values: readonly string[] | undefined): { format: DiscoverFormat; file?: string }[] {
  const list = values && values.length > 0 ? values : ['stylish'];
  const targets = list.map((value) => {
    const colon = value.indexOf(':');
    const name = colon === -1 ? value : value.slice(0, colon);
    const file = colon === -1 ? undefined : value.slice(colon + 1);
    if (!(FORMATS as readonly string[]).includes(name)) throw new RampartError('RAMPART_USAGE', `unknown format "${name}" for discover. Available: ${FORMATS.join(', ')}`);
    if (file === '') throw new RampartError('RAMPART_USAGE', `--format ${name}: missing file name after ":"`);
    return { format: name as DiscoverFormat, file };
  });
  if (targets.filter((target) => !target.file).length > 1) throw new RampartError('RAMPART_USAGE', 'only one --format may write to standard output; give the others a file (--format json:inventory.json)');
  return targets;
}

function writeFile(cwd: string, file: string, text: string): void {
  const full = path.resolve(cwd, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
}
