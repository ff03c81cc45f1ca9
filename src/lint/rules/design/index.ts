import type { Rule } from '../../rule.js';
import apiVersionConsistent from './api-version-consistent.js';
import collectionItemPaths from './collection-item-paths.js';
import collectionPagination from './collection-pagination.js';
import consistentCasing from './consistent-casing.js';
import errorResponseSchema from './error-response-schema.js';
import mediaExamplesDefined from './media-examples-defined.js';
import noAmbiguousPaths from './no-ambiguous-paths.js';
import noUnusedTags from './no-unused-tags.js';
import noVerbsInPaths from './no-verbs-in-paths.js';
import operationIdStyle from './operation-id-style.js';
import operationSummaryDefined from './operation-summary-defined.js';

/** Design-quality rules of the `recommended` ruleset beyond `spectral:oas`. */
export const designRules: Record<string, Rule> = {
  'api-version-consistent': apiVersionConsistent,
  'collection-item-paths': collectionItemPaths,
  'collection-pagination': collectionPagination,
  'consistent-casing': consistentCasing,
  'error-response-schema': errorResponseSchema,
  'media-examples-defined': mediaExamplesDefined,
  'no-ambiguous-paths': noAmbiguousPaths,
  'no-unused-tags': noUnusedTags,
  'no-verbs-in-paths': noVerbsInPaths,
  'operation-id-style': operationIdStyle,
  'operation-summary-defined': operationSummaryDefined,
};
