import type { Rule } from '../../rule.js';

/** The `owasp` ruleset: OWASP API Security Top 10 (2023). */
export const owaspRules: Record<string, Rule> = {};
