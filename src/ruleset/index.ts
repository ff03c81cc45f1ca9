export { loadRulesetFile, loadRulesets, type LoadRulesetOptions } from './load.js';
export { coreFunctions, type CoreFunctionName } from './functions/index.js';
export { runSpectralRule, definitionOfSpectralRule, type SpectralRule, type ThenStep } from './spectral-rule.js';
export type { CoreFunction, FunctionContext, FunctionResult, RulesetFunction } from './types.js';
