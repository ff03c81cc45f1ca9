import { RampartError } from '../core/errors.js';
import type { Rule } from './rule.js';
import type { RuleDefinition, RuleSelection } from './rule-settings.js';
import { designRules, oasRules, owaspRules } from './rules/index.js';

/** Where rule documentation lives (generated, one section per rule); SARIF `helpUri` and reporters link here. */
export const DOCS_BASE_URL = 'https://github.com/rampart-dev/rampart/blob/main/docs/rules.md';

export function docsUrlFor(ruleId: string): string {
  return `${DOCS_BASE_URL}#${ruleDocsAnchor(ruleId)}`;
}

/** The id of a rule's section in docs/rules.md. */
export function ruleDocsAnchor(ruleId: string): string {
  return `rule-${ruleId.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

export function definitionOf(rule: Rule): RuleDefinition {
  return {
    id: rule.id,
    description: rule.meta.description,
    defaultSeverity: rule.meta.defaultSeverity,
    recommended: rule.meta.recommended,
    owasp: rule.meta.owasp ?? [],
    cwe: rule.meta.cwe ?? [],
    docsUrl: docsUrlFor(rule.id),
    help: `${rule.meta.docs.why}\n\n${rule.meta.docs.fix}`,
    fix: rule.meta.docs.fix,
    builtin: rule,
  };
}

/**
 * Built-in rulesets by name. Spectral's names are aliases, so an existing Spectral ruleset that
 * `extends: spectral:oas` runs Rampart's equivalent rules under the same ids.
 */
export const BUILTIN_RULESETS: Record<string, () => Rule[]> = {
  /** Quality, consistency, documentation: spectral:oas behaviours plus Rampart's design rules. */
  recommended: () => [...Object.values(oasRules), ...Object.values(designRules)],
  /** Security: OWASP API Security Top 10 (2023). */
  owasp: () => Object.values(owaspRules),
  /** Only the `spectral:oas` equivalents, for rulesets that extend `spectral:oas`. */
  oas: () => Object.values(oasRules),
};

const ALIASES: Record<string, string> = {
  'rampart:recommended': 'recommended',
  'rampart:owasp': 'owasp',
  'spectral:oas': 'oas',
};

export function builtinRulesetNames(): string[] {
  return [...Object.keys(BUILTIN_RULESETS), ...Object.keys(ALIASES)];
}

export function isBuiltinRuleset(name: string): boolean {
  return name in BUILTIN_RULESETS || name in ALIASES;
}

/**
 * The selection for a built-in ruleset. `mode` follows Spectral: `recommended` enables the rules
 * marked recommended, `all` enables every rule, `off` loads them all disabled (to pick from).
 */
export function builtinSelection(name: string, mode: 'recommended' | 'all' | 'off' = 'recommended'): RuleSelection {
  const canonical = ALIASES[name] ?? name;
  const rules = BUILTIN_RULESETS[canonical];
  if (!rules) {
    throw new RampartError('RAMPART_CONFIG_INVALID', `unknown ruleset "${name}". Available: ${builtinRulesetNames().join(', ')}`);
  }
  const selection: RuleSelection = { definitions: new Map(), base: new Map(), overrides: [] };
  for (const rule of rules()) {
    selection.definitions.set(rule.id, definitionOf(rule));
    const enabled = mode === 'all' || (mode === 'recommended' && rule.meta.recommended);
    selection.base.set(rule.id, { severity: enabled ? rule.meta.defaultSeverity : 'off' });
  }
  return selection;
}

/** The default when nothing is configured: `recommended` + `owasp`. */
export function defaultSelection(): RuleSelection {
  return mergeSelections(builtinSelection('recommended'), builtinSelection('owasp'));
}

/** Later selections win: their definitions join, their settings replace, their overrides append. */
export function mergeSelections(...selections: RuleSelection[]): RuleSelection {
  const merged: RuleSelection = { definitions: new Map(), base: new Map(), overrides: [] };
  for (const selection of selections) {
    for (const [id, definition] of selection.definitions) merged.definitions.set(id, definition);
    for (const [id, setting] of selection.base) merged.base.set(id, setting);
    merged.overrides.push(...selection.overrides);
  }
  return merged;
}
