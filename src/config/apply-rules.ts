import { parseSeverity } from '../core/severity.js';
import type { RuleDefinition, RuleSelection, RuleSetting } from '../lint/rule-settings.js';
import { joinPointer } from '../spec/pointer.js';
import { didYouMean } from '../core/close-matches.js';
import type { ConfigSource } from './config-source.js';
import { rebaseGlob } from '../core/rebase-glob.js';
import type { RampartConfig } from './schema.js';

/**
 * Applies a configuration's `rules` and `overrides` on top of a selection (returns a new one).
 * A rule id may name any known rule, also one outside the extended rulesets (it is then added:
 * everywhere from `rules`, only where they match from `overrides`); an unknown id is an error at
 * its key that names close matches.
 */
export function applyConfigRules(
  selection: RuleSelection,
  config: Pick<RampartConfig, 'rules' | 'overrides'>,
  origin: ConfigSource,
  options: { cwd: string; knownRules: ReadonlyMap<string, RuleDefinition> },
): RuleSelection {
  const result: RuleSelection = { definitions: new Map(selection.definitions), base: new Map(selection.base), overrides: [...selection.overrides] };
  const settings = (rules: RampartConfig['rules'], pointer: string): Map<string, RuleSetting> => {
    const map = new Map<string, RuleSetting>();
    for (const [id, value] of Object.entries(rules ?? {})) {
      const definition = result.definitions.get(id) ?? options.knownRules.get(id);
      if (!definition) {
        const known = new Set([...result.definitions.keys(), ...options.knownRules.keys()]);
        throw origin.error(joinPointer(pointer, id), `unknown rule "${id}".${didYouMean(id, known)}`);
      }
      if (!result.definitions.has(id)) result.definitions.set(id, definition);
      // The schema admits only values parseSeverity understands.
      map.set(id, { severity: parseSeverity(value)! });
    }
    return map;
  };
  for (const [id, setting] of settings(config.rules, '/rules')) result.base.set(id, setting);
  (config.overrides ?? []).forEach((override, index) => {
    const rules = settings(override.rules, `/overrides/${index}/rules`);
    // A rule that neither the rulesets nor `rules` turn on runs only where an override does.
    for (const id of rules.keys()) if (!result.base.has(id)) result.base.set(id, { severity: 'off' });
    result.overrides.push({ files: override.files.flatMap((pattern) => rebaseGlob(pattern, origin.dir, options.cwd)), rules });
  });
  return result;
}
