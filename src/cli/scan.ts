import type { Command } from 'commander';
import { RampartError } from '../core/errors.js';
import { parseSeverity } from '../core/severity.js';
import { discoverConfig } from '../config/discover.js';
import type { RuleInfo } from '../report/types.js';
import { readScanConfig } from '../scan/config.js';
import { scan, SCAN_DEFAULTS, type ScanSummary } from '../scan/scan.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import type { CommandIO } from './io.js';
import { useColor } from './io.js';
import { exitCodeFor } from './lint.js';
import { FORMAT_HELP, parseFormats, writeOutputs } from './output.js';

export interface ScanFlags {
  spec?: string;
  target?: string;
  config?: string | false;
  format?: string[];
  rps?: string;
  budget?: string;
  timeout?: string;
  seed?: string;
  fuzzRuns?: string;
  burst?: string;
  allowDestructive?: boolean;
  insecure?: boolean;
  httpTarget?: string;
  allowRemote?: boolean;
  probe?: string[];
  failSeverity?: string;
  color?: boolean;
  progress?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function registerScan(program: Command, run: (action: () => Promise<number>) => Promise<void>, io: CommandIO): void {
  program
    .command('scan')
    .description('Test a running API from its description: auth, BOLA/BFLA, mass assignment, input validation, injection, limits, transport, SSRF.')
    .requiredOption('-s, --spec <file|url>', 'API description (file or URL)')
    .option('-t, --target <url>', 'base URL of the API to scan (required for a non-loopback target)')
    .option('-c, --config <file>', 'configuration with a scan: section (identities); default: rampart.yaml found upward')
    .option('--no-config', 'ignore configuration files')
    .option('-f, --format <format[:file]>', FORMAT_HELP, collect)
    .option('--rps <n>', `requests per second at most (default ${SCAN_DEFAULTS.rps})`)
    .option('--budget <n>', `total requests at most (default ${SCAN_DEFAULTS.budget})`)
    .option('--timeout <ms>', `per-request timeout (default ${SCAN_DEFAULTS.timeoutMs})`)
    .option('--seed <n>', 'seed for generated inputs: the same seed sends the same inputs')
    .option('--fuzz-runs <n>', `generated inputs per operation and kind (default ${SCAN_DEFAULTS.fuzzRuns})`)
    .option('--burst <n>', `failed logins in the rate-limit burst (default ${SCAN_DEFAULTS.burst})`)
    .option('--allow-destructive', 'allow DELETE, and writes to objects the scan did not create')
    .option('-k, --insecure', 'accept an untrusted (e.g. self-signed) certificate on an https target')
    .option('--http-target <url>', 'the same API over plain http (same host): checked for a redirect to https')
    .option('--allow-remote', 'follow http(s) $refs of the description (a remote document\'s only on its own origin)')
    .option('--probe <name>', 'run only this probe; repeatable', collect)
    .option('--fail-severity <severity>', 'exit 1 when a finding is at or above this severity', 'error')
    .option('--no-progress', 'no progress line on a terminal')
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .action((flags: ScanFlags) => run(() => scanCommand(flags, io)));
}

function positive(name: string, value: string | undefined, integer = true): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) throw new RampartError('RAMPART_USAGE', `--${name}: expected a ${integer ? 'whole ' : ''}number > 0, got "${value}"`);
  return number;
}

export async function scanCommand(flags: ScanFlags, io: CommandIO): Promise<number> {
  const failSeverity = parseSeverity(flags.failSeverity ?? 'error');
  if (!failSeverity || failSeverity === 'off') throw new RampartError('RAMPART_USAGE', `--fail-severity: expected error, warning, info or hint, got "${flags.failSeverity}"`);
  const targets = parseFormats(flags.format);
  let seed: number | undefined;
  if (flags.seed !== undefined) {
    seed = Number(flags.seed);
    if (!Number.isSafeInteger(seed)) throw new RampartError('RAMPART_USAGE', `--seed: expected an integer, got "${flags.seed}"`);
  }
  const configFile = flags.config === false ? undefined : typeof flags.config === 'string' ? flags.config : discoverConfig(io.cwd);
  const config = configFile ? readScanConfig(configFile, io.cwd, io.env) : undefined;
  const showProgress = flags.progress !== false && Boolean(process.stderr.isTTY) && !io.env.CI;
  const result = await scan({
    spec: flags.spec!,
    target: flags.target,
    config,
    cwd: io.cwd,
    rps: positive('rps', flags.rps, false),
    budget: positive('budget', flags.budget),
    timeoutMs: positive('timeout', flags.timeout),
    seed,
    fuzzRuns: positive('fuzz-runs', flags.fuzzRuns),
    burst: positive('burst', flags.burst),
    allowDestructive: flags.allowDestructive,
    insecure: flags.insecure,
    httpTarget: flags.httpTarget,
    allowRemote: flags.allowRemote,
    probes: flags.probe,
    onProgress: showProgress ? ({ probe, requests, budget }) => io.stderr(`\r\x1b[2K${TOOL_NAME} scan: ${probe} (${requests}/${budget} requests)`) : undefined,
  });
  if (showProgress) io.stderr('\r\x1b[2K');
  const rules = new Map<string, RuleInfo>(result.rules.map((rule) => [rule.id, { id: rule.id, description: rule.description, defaultSeverity: rule.severity, owasp: rule.owasp, cwe: rule.cwe, help: rule.fix }]));
  writeOutputs(targets, result.findings, {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    cwd: io.cwd,
    command: 'scan',
    rules,
    color: useColor(io, flags.color),
    inputs: [flags.spec!],
    blocks: { scan: result.summary },
  }, io);
  io.stderr(summaryText(result.summary));
  return exitCodeFor(result.findings, failSeverity);
}

/** The run in a few lines on stderr: what was sent, and what could not be tested and why. */
export function summaryText(summary: ScanSummary): string {
  const lines = [
    `${TOOL_NAME} scan: ${summary.requests} requests to ${summary.target} in ${(summary.durationMs / 1000).toFixed(1)} s (${summary.requestsPerSecond} req/s), seed ${summary.seed}`,
  ];
  for (const identity of summary.identities) if (!identity.loggedIn) lines.push(`  identity ${identity.name}: ${identity.problem ?? 'not logged in'}`);
  if (summary.variables.length > 0) {
    lines.push('  the curls read these shell variables: set them (export NAME=…) before replaying one');
    for (const variable of summary.variables) lines.push(`    ${variable.name}: ${variable.about}`);
  }
  if (summary.skipped.length > 0) {
    lines.push('  not tested:');
    for (const skip of summary.skipped) lines.push(`    ${skip.probe}${skip.operation ? ` ${skip.operation}` : ''}: ${skip.reason}`);
  }
  return lines.join('\n') + '\n';
}
