import { lint } from '../lint/lint.js';
import type { RuleDefinition } from '../lint/rule-settings.js';
import { definitionOf } from '../lint/rulesets.js';
import { builtinRules } from '../lint/rules/index.js';

/**
 * Every rule id a configuration may name: the built-in rules of every ruleset, and the core rules
 * the loader reports (`no-unresolved-refs`, …), which `lint` lists in `rules` even for no input.
 */
export async function knownRuleDefinitions(): Promise<Map<string, RuleDefinition>> {
  const known = new Map<string, RuleDefinition>();
  for (const rule of Object.values(builtinRules)) known.set(rule.id, definitionOf(rule));
  const core = await lint([], { selection: { definitions: new Map(), base: new Map(), overrides: [] } });
  for (const [id, definition] of core.rules) known.set(id, definition);
  return known;
}
