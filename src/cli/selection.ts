import { RampartError } from '../core/errors.js';
import type { RuleSelection } from '../lint/rule-settings.js';
import { builtinSelection, defaultSelection, isBuiltinRuleset, mergeSelections } from '../lint/rulesets.js';

export interface SelectionOptions {
  rulesets?: string[];
  cwd: string;
  allowCustomFunctions: boolean;
}

/** The rules a lint run uses: `--ruleset` values replace the defaults, as Spectral's `-r` does. */
export async function resolveSelection(options: SelectionOptions): Promise<RuleSelection> {
  if (!options.rulesets || options.rulesets.length === 0) return defaultSelection();
  const selections: RuleSelection[] = [];
  for (const name of options.rulesets) {
    if (isBuiltinRuleset(name)) selections.push(builtinSelection(name));
    else throw new RampartError('RAMPART_CONFIG_INVALID', `ruleset files are not supported yet: ${name}`);
  }
  return mergeSelections(...selections);
}
