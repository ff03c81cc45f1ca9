/** Rampart as a library: every command is a function; the CLI is a thin shell over these. */
export { lint, lintDocument, type LintOptions, type LintResult } from './lint/lint.js';
export { loadDocument, ApiDocument, type LoadOptions } from './spec/document.js';
export { RampartError, ERROR_CATALOGUE, type ErrorCode } from './core/errors.js';
export type { Finding, Location, DocumentLocation, OperationLocation } from './core/finding.js';
export { SEVERITIES, type Severity } from './core/severity.js';
export { reporters, type Reporter, type ReportContext } from './report/index.js';
export { builtinRules } from './lint/rules/index.js';
export { defineRule, type Rule } from './lint/rule.js';
export { runCli } from './cli/main.js';
export { diff, type DiffResult } from './diff/diff.js';
export { discover, type DiscoverOptions, type DiscoverResult } from './discover/discover.js';
export { scan, type ScanOptions, type ScanResult } from './scan/scan.js';
export { startProxy, replayTraffic, type ProxyOptions, type RunningProxy, type ReplayOptions, type ReplayResult } from './monitor/proxy.js';
export { score, type ScoreResult } from './score/score.js';
