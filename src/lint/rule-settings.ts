import type { Severity } from '../core/severity.js';
import type { ApiDocument } from '../spec/document.js';
import type { NodeLocation } from './location.js';
import type { Rule } from './rule.js';

/** A finding before positions are resolved: the rule reports a node, the engine decides the rest. */
export interface RawFinding {
  ruleId: string;
  message: string;
  location: NodeLocation;
  /** Other nodes that explain the finding; not part of its fingerprint. */
  related?: NodeLocation[];
  /** Exact source offset, when the pointer alone is ambiguous (a repeated key). */
  offset?: number;
  /** Which of the rule's messages (built-in rules). */
  messageId?: string;
  /** Set by rules that decide severity per result (Spectral rules do not; built-ins never). */
  severity?: Severity;
}

/** Anything the engine can run: a typed built-in rule or a rule from a ruleset file. */
export interface RuleDefinition {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Enabled when its ruleset is extended without naming it (Spectral `recommended`). */
  recommended: boolean;
  owasp: readonly string[];
  cwe: readonly string[];
  docsUrl?: string;
  /** Help text for SARIF and the HTML report. */
  help?: string;
  fix?: string;
  /** Typed visitor rule, run in the shared walk. */
  builtin?: Rule;
  /** Rule that inspects the whole document itself (ruleset-file rules). */
  run?: (document: ApiDocument) => RawFinding[];
  /** Findings sit where Spectral's would: a block value from its key's line, a scalar at its value. */
  spectralPositions?: boolean;
}

export interface RuleSetting {
  severity: Severity | 'off';
}

/** Rule settings scoped to files (glob, optionally `glob#/json/pointer`), applied after the base. */
export interface RuleOverride {
  files: string[];
  rules: Map<string, RuleSetting>;
}

/** What to run and how severe each result is: the product of rulesets, config and flags. */
export interface RuleSelection {
  definitions: Map<string, RuleDefinition>;
  base: Map<string, RuleSetting>;
  overrides: RuleOverride[];
}
