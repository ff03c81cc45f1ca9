import type { Rule } from '../../rule.js';
import operationOperationIdUnique from './operation-operationId-unique.js';
import pathKeysNoTrailingSlash from './path-keys-no-trailing-slash.js';

/** Rules with `spectral:oas` behaviour, under Spectral's ids, plus structural validation. */
export const oasRules = {
  'operation-operationId-unique': operationOperationIdUnique,
  'path-keys-no-trailing-slash': pathKeysNoTrailingSlash,
} satisfies Record<string, Rule>;
