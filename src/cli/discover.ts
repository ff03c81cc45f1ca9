import type { Command } from 'commander';
import { RampartError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import { parseSeverity } from '../core/severity.js';
import { discover } from '../discover/discover.js';
import type { Inventory } from '../discover/inventory.js';
import { discoverChecks } from '../discover/checks/index.js';
import { toYaml } from '../discover/openapi.js';
import { inventoryMarkdown, inventoryText } from '../discover/render.js';
import { reporters, type ReporterName } from '../report/index.js';
import type { RuleInfo } from '../report/types.js';
import { isTrafficFormat, trafficReaders } from '../traffic/readers/index.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { CommandIO } from './io.js';
import { useColor } from './io.js';
import { exitCodeFor } from './lint.js';
import { FORMAT_HELP, parseFormats, writeOutputText } from './output.js';

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

export function registerDiscover(program: Command, run: (action: () => Promise<number>) => Promise<void>, io: CommandIO): void {
  program
    .command('discover')
    .description('Build the API inventory from traffic (HAR, JSON lines, access logs); compare it with a description.')
    .argument('<files...>', 'traffic files or globs (HAR, Rampart JSON lines, nginx/Envoy JSON logs; .gz allowed)')
    .option('-s, --spec <file>', 'API description to compare with: shadow, zombie, unused, drift findings')
    .option('--openapi <file>', 'write the reconstructed OpenAPI 3.1 description (YAML) to this file')
    .option('-f, --format <format[:file]>', `${FORMAT_HELP}; json carries the inventory block`, (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
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
  const targets = parseFormats(flags.format);
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
  if (flags.openapi && result.openapi) writeOutputText(flags.openapi, io.cwd, 'description', toYaml(result.openapi));

  const rules = new Map<string, RuleInfo>(
    Object.values(discoverChecks).map((check) => [check.id, { id: check.id, description: check.description, defaultSeverity: check.defaultSeverity, owasp: check.owasp, cwe: check.cwe }]),
  );
  const color = useColor(io, flags.color);
  for (const target of targets) {
    const text = render(target.format, result.findings, result.inventory, { rules, color: target.file ? false : color, cwd: io.cwd, inputs: result.files });
    if (target.file) writeOutputText(target.file, io.cwd, 'report', text);
    else io.stdout(text);
  }
  return exitCodeFor(result.findings, failSeverity);
}

/** The inventory goes first in the human formats and as the `inventory` block of the JSON report. */
function render(format: ReporterName, findings: Finding[], inventory: Inventory, context: { rules: Map<string, RuleInfo>; color: boolean; cwd: string; inputs: string[] }): string {
  const reportContext = { tool: { name: TOOL_NAME, version: TOOL_VERSION }, cwd: context.cwd, command: 'discover', rules: context.rules, color: context.color, inputs: context.inputs, blocks: { inventory } };
  const findingsText = reporters[format](findings, reportContext);
  if (format === 'markdown') return inventoryMarkdown(inventory) + '\n' + findingsText;
  if (format === 'stylish') return inventoryText(inventory) + '\n' + findingsText;
  return findingsText;
}


