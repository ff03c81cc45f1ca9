import type { Rule } from '../../rule.js';

/** Design-quality rules of the `recommended` ruleset beyond `spectral:oas`. */
export const designRules: Record<string, Rule> = {};
