import type { Finding } from '../core/finding.js';

/** What a reporter may know besides the findings. Stages add their own blocks (score, changes, inventory). */
export interface ReportContext {
  tool: { name: string; version: string };
  /** Working directory; locations are relative to it. */
  cwd: string;
  /** Which command produced the findings (`lint`, `diff`, …): used in titles and SARIF. */
  command: string;
  /** Descriptions of the rules that could report, by id. */
  rules: ReadonlyMap<string, RuleInfo>;
  /** Use ANSI colours (stylish only; the CLI sets it from the TTY and NO_COLOR/FORCE_COLOR). */
  color: boolean;
  /** Extra top-level blocks for the JSON report (`score`, `changes`, `inventory`). */
  blocks?: Record<string, unknown>;
  /** Files that were analysed, for reporters that list them even when clean (JUnit). */
  inputs?: readonly string[];
  /** Git revisions read without a checkout (a diff's `rev:path` base): their files are not in the working tree. */
  revisions?: readonly string[];
}

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: string;
  docsUrl?: string;
  help?: string;
  owasp: readonly string[];
  cwe: readonly string[];
  /** Built-in rules' documentation (why it matters, how to fix, bad and good YAML). */
  docs?: { why: string; fix: string; bad: string; good: string };
}

/** A reporter is a pure function: findings in, text out. The CLI decides where the text goes. */
export type Reporter = (findings: readonly Finding[], context: ReportContext) => string;
