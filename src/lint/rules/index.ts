import type { Rule } from '../rule.js';
import { designRules } from './design/index.js';
import { oasRules } from './oas/index.js';
import { owaspRules } from './owasp/index.js';

export { designRules, oasRules, owaspRules };

/**
 * Every built-in rule, by id. Explicit on purpose: no filesystem discovery, and the meta-test
 * checks each entry's metadata, docs and tests.
 */
export const builtinRules: Record<string, Rule> = { ...oasRules, ...designRules, ...owaspRules };
