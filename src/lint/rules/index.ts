import type { Rule } from '../rule.js';
import operationOperationIdUnique from './oas/operation-operationId-unique.js';
import pathKeysNoTrailingSlash from './oas/path-keys-no-trailing-slash.js';

/**
 * Every built-in rule, by id. Explicit on purpose: no filesystem discovery, and the meta-test
 * (rules.meta.test.ts) checks each entry's metadata, docs and tests.
 */
export const builtinRules = {
  'operation-operationId-unique': operationOperationIdUnique,
  'path-keys-no-trailing-slash': pathKeysNoTrailingSlash,
} satisfies Record<string, Rule>;

export type BuiltinRuleId = keyof typeof builtinRules;
