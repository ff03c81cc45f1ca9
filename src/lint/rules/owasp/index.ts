import type { Rule } from '../../rule.js';
import owaspApi1NoNumericIds from './owasp-api1-no-numeric-ids.js';
import owaspApi10UnconstrainedOutboundUrl from './owasp-api10-unconstrained-outbound-url.js';
import owaspApi2AuthInsecureSchemes from './owasp-api2-auth-insecure-schemes.js';
import owaspApi2BearerFormatDefined from './owasp-api2-bearer-format-defined.js';
import owaspApi2JwtBestPractices from './owasp-api2-jwt-best-practices.js';
import owaspApi2NoApiKeysInUrl from './owasp-api2-no-api-keys-in-url.js';
import owaspApi2NoCredentialsInUrl from './owasp-api2-no-credentials-in-url.js';
import owaspApi2NoHttpBasic from './owasp-api2-no-http-basic.js';
import owaspApi2NoImplicitOrPasswordFlow from './owasp-api2-no-implicit-or-password-flow.js';
import owaspApi2ReadRestricted from './owasp-api2-read-restricted.js';
import owaspApi2ShortLivedAccessTokens from './owasp-api2-short-lived-access-tokens.js';
import owaspApi2WriteRestricted from './owasp-api2-write-restricted.js';
import owaspApi3ConstrainedAdditionalProperties from './owasp-api3-constrained-additional-properties.js';
import owaspApi3NoAdditionalProperties from './owasp-api3-no-additional-properties.js';
import owaspApi3NoPiiInUrl from './owasp-api3-no-pii-in-url.js';
import owaspApi3SensitiveDataExposure from './owasp-api3-sensitive-data-exposure.js';
import owaspApi3ServerFieldsReadOnly from './owasp-api3-server-fields-read-only.js';
import owaspApi4ArrayLimit from './owasp-api4-array-limit.js';
import owaspApi4FileUploadLimit from './owasp-api4-file-upload-limit.js';
import owaspApi4IntegerFormat from './owasp-api4-integer-format.js';
import owaspApi4IntegerLimit from './owasp-api4-integer-limit.js';
import owaspApi4RateLimitResponses429 from './owasp-api4-rate-limit-responses-429.js';
import owaspApi4RateLimitRetryAfter from './owasp-api4-rate-limit-retry-after.js';
import owaspApi4RateLimit from './owasp-api4-rate-limit.js';
import owaspApi4StringLimit from './owasp-api4-string-limit.js';
import owaspApi4StringRestricted from './owasp-api4-string-restricted.js';
import owaspApi5AdminSecurityUnique from './owasp-api5-admin-security-unique.js';
import owaspApi5DefineErrorResponses403 from './owasp-api5-define-error-responses-403.js';
import owaspApi6SensitiveBusinessFlow from './owasp-api6-sensitive-business-flow.js';
import owaspApi7ConcerningUrlParameter from './owasp-api7-concerning-url-parameter.js';
import owaspApi8DefineCorsOrigin from './owasp-api8-define-cors-origin.js';
import owaspApi8DefineErrorResponses401 from './owasp-api8-define-error-responses-401.js';
import owaspApi8DefineErrorResponses500 from './owasp-api8-define-error-responses-500.js';
import owaspApi8DefineErrorValidation from './owasp-api8-define-error-validation.js';
import owaspApi8NoHttpServers from './owasp-api8-no-http-servers.js';
import owaspApi8WriteErrorSchema from './owasp-api8-write-error-schema.js';
import owaspApi9DeprecatedSunset from './owasp-api9-deprecated-sunset.js';
import owaspApi9InventoryAccess from './owasp-api9-inventory-access.js';
import owaspApi9InventoryEnvironment from './owasp-api9-inventory-environment.js';
import owaspApi9NoExampleServers from './owasp-api9-no-example-servers.js';

/** The `owasp` ruleset: OWASP API Security Top 10 (2023). Ids: `owasp-api<N>-<behaviour>`. */
export const owaspRules: Record<string, Rule> = {
  'owasp-api1-no-numeric-ids': owaspApi1NoNumericIds,
  'owasp-api2-auth-insecure-schemes': owaspApi2AuthInsecureSchemes,
  'owasp-api2-bearer-format-defined': owaspApi2BearerFormatDefined,
  'owasp-api2-jwt-best-practices': owaspApi2JwtBestPractices,
  'owasp-api2-no-api-keys-in-url': owaspApi2NoApiKeysInUrl,
  'owasp-api2-no-credentials-in-url': owaspApi2NoCredentialsInUrl,
  'owasp-api2-no-http-basic': owaspApi2NoHttpBasic,
  'owasp-api2-no-implicit-or-password-flow': owaspApi2NoImplicitOrPasswordFlow,
  'owasp-api2-read-restricted': owaspApi2ReadRestricted,
  'owasp-api2-short-lived-access-tokens': owaspApi2ShortLivedAccessTokens,
  'owasp-api2-write-restricted': owaspApi2WriteRestricted,
  'owasp-api3-constrained-additional-properties': owaspApi3ConstrainedAdditionalProperties,
  'owasp-api3-no-additional-properties': owaspApi3NoAdditionalProperties,
  'owasp-api3-no-pii-in-url': owaspApi3NoPiiInUrl,
  'owasp-api3-sensitive-data-exposure': owaspApi3SensitiveDataExposure,
  'owasp-api3-server-fields-read-only': owaspApi3ServerFieldsReadOnly,
  'owasp-api4-array-limit': owaspApi4ArrayLimit,
  'owasp-api4-file-upload-limit': owaspApi4FileUploadLimit,
  'owasp-api4-integer-format': owaspApi4IntegerFormat,
  'owasp-api4-integer-limit': owaspApi4IntegerLimit,
  'owasp-api4-rate-limit': owaspApi4RateLimit,
  'owasp-api4-rate-limit-responses-429': owaspApi4RateLimitResponses429,
  'owasp-api4-rate-limit-retry-after': owaspApi4RateLimitRetryAfter,
  'owasp-api4-string-limit': owaspApi4StringLimit,
  'owasp-api4-string-restricted': owaspApi4StringRestricted,
  'owasp-api5-admin-security-unique': owaspApi5AdminSecurityUnique,
  'owasp-api5-define-error-responses-403': owaspApi5DefineErrorResponses403,
  'owasp-api6-sensitive-business-flow': owaspApi6SensitiveBusinessFlow,
  'owasp-api7-concerning-url-parameter': owaspApi7ConcerningUrlParameter,
  'owasp-api8-define-cors-origin': owaspApi8DefineCorsOrigin,
  'owasp-api8-define-error-responses-401': owaspApi8DefineErrorResponses401,
  'owasp-api8-define-error-responses-500': owaspApi8DefineErrorResponses500,
  'owasp-api8-define-error-validation': owaspApi8DefineErrorValidation,
  'owasp-api8-no-http-servers': owaspApi8NoHttpServers,
  'owasp-api8-write-error-schema': owaspApi8WriteErrorSchema,
  'owasp-api9-deprecated-sunset': owaspApi9DeprecatedSunset,
  'owasp-api9-inventory-access': owaspApi9InventoryAccess,
  'owasp-api9-inventory-environment': owaspApi9InventoryEnvironment,
  'owasp-api9-no-example-servers': owaspApi9NoExampleServers,
  'owasp-api10-unconstrained-outbound-url': owaspApi10UnconstrainedOutboundUrl,
};
