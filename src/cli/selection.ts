import type { RuleSelection } from '../lint/rule-settings.js';
import { defaultSelection } from '../lint/rulesets.js';
import { loadRulesets, type LoadRulesetOptions } from '../ruleset/load.js';

export { loadRulesets, type LoadRulesetOptions };

export interface SelectionOptions {
  rulesets?: string[];
  cwd: string;
  allowCustomFunctions: boolean;
}

/**
 * The rules a lint run uses. `--ruleset` values (built-in names or Spectral-format files) replace the
 * defaults, as Spectral's `-r` does; several are merged in order, later ones winning.
 */
export async function resolveSelection(options: SelectionOptions): Promise<RuleSelection> {
  if (!options.rulesets || options.rulesets.length === 0) return defaultSelection();
  return loadRulesets(options.rulesets, { cwd: options.cwd, allowCustomFunctions: options.allowCustomFunctions });
}
