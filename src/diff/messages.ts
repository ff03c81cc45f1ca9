import type { SchemaKind } from './compare-schemas.js';

/**
 * Every diff message, in one catalogue keyed by change id. `message` is the template (placeholders
 * `{{name}}`), `description` says what the change is and why it matters, for docs and SARIF rules.
 * Schema changes share one template per kind; `{{subject}}` names what changed.
 */
export interface CatalogueEntry {
  message: string;
  description: string;
}

export const MESSAGES: Record<string, CatalogueEntry> = {
  // endpoints
  'endpoint-added': { message: 'endpoint added', description: 'A new operation (method and path).' },
  'endpoint-removed-without-deprecation': {
    message: 'endpoint removed without being deprecated first',
    description: 'An operation disappeared although it was never marked deprecated: clients still calling it now fail.',
  },
  'endpoint-removed': { message: 'endpoint removed', description: 'An operation disappeared; clients still calling it now fail.' },
  'endpoint-removed-before-sunset': {
    message: 'endpoint removed before its sunset date {{sunset}}',
    description: 'A deprecated operation was removed before the sunset date it announced.',
  },
  'endpoint-removed-without-sunset': {
    message: 'deprecated endpoint removed, but it never announced a sunset date',
    description: 'The versioning policy requires a sunset date (x-sunset or a Sunset header) before removal.',
  },
  'endpoint-removed-after-deprecation': {
    message: 'deprecated endpoint removed',
    description: 'A deprecated operation was removed after its sunset date (or without one, when the policy allows it).',
  },
  // lifecycle
  'endpoint-deprecated': { message: 'endpoint deprecated (sunset {{sunset}})', description: 'An operation is now deprecated and announces its sunset date.' },
  'endpoint-deprecated-without-sunset': {
    message: 'endpoint deprecated without a sunset date (add x-sunset or document a Sunset header)',
    description: 'An operation is now deprecated but clients are not told when it will go away.',
  },
  'endpoint-sunset-moved-earlier': {
    message: 'sunset of the deprecated endpoint moved earlier, from {{from}} to {{to}}',
    description: 'Clients planned their migration by the date first announced; they now have less time.',
  },
  'endpoint-reactivated': { message: 'endpoint is no longer deprecated', description: 'A deprecated operation was un-deprecated.' },
  'request-parameter-deprecated': { message: 'request parameter "{{name}}" ({{in}}) deprecated', description: 'A request parameter is now deprecated.' },
  'request-parameter-reactivated': { message: 'request parameter "{{name}}" ({{in}}) is no longer deprecated', description: 'A deprecated request parameter was un-deprecated.' },
  'response-header-deprecated': {
    message: 'response {{status}} header "{{name}}" deprecated',
    description: 'A response header is now deprecated: clients should stop relying on it before it goes away.',
  },
  'response-header-reactivated': { message: 'response {{status}} header "{{name}}" is no longer deprecated', description: 'A deprecated response header was un-deprecated.' },
  // operation identity (SDKs name methods and group them by these)
  'operation-id-changed': {
    message: 'operationId changed from "{{from}}" to "{{to}}"',
    description: 'Generated SDKs name methods after the operationId: renaming it breaks their callers.',
  },
  'operation-id-removed': { message: 'operationId "{{from}}" removed', description: 'Generated SDKs lose the method name they used.' },
  'operation-id-added': { message: 'operationId "{{to}}" added', description: 'The operation now has an operationId.' },
  'operation-tag-removed': { message: 'tag "{{tag}}" removed', description: 'Generated SDKs group methods by tag: the operation moves to another client class.' },
  'operation-tag-added': { message: 'tag "{{tag}}" added', description: 'The operation has a new tag.' },
  // parameters
  'request-parameter-added-required': {
    message: 'required request parameter "{{name}}" ({{in}}) added',
    description: 'Existing clients do not send the new required parameter, so their requests fail. A default value makes it optional in effect.',
  },
  'request-parameter-added': { message: 'optional request parameter "{{name}}" ({{in}}) added', description: 'A new optional request parameter (or a required one with a default).' },
  'request-parameter-removed': {
    message: 'request parameter "{{name}}" ({{in}}) removed',
    description: 'Clients that still send the parameter may be rejected or see it ignored.',
  },
  'request-parameter-became-required': {
    message: 'request parameter "{{name}}" ({{in}}) became required',
    description: 'Clients that omit the parameter now fail. A default value makes it harmless.',
  },
  'request-parameter-became-optional': { message: 'request parameter "{{name}}" ({{in}}) became optional', description: 'A required parameter became optional.' },
  'request-parameter-moved': {
    message: 'request parameter "{{name}}" moved from {{from}} to {{to}}',
    description: 'The parameter is now expected in another part of the request; existing clients send it in the old place.',
  },
  'request-parameter-renamed': {
    message: 'request parameter "{{from}}" ({{in}}) renamed to "{{to}}"',
    description: 'A parameter kept its schema but changed its name; existing clients send the old name.',
  },
  'request-path-parameter-renamed': {
    message: 'path parameter "{{from}}" renamed to "{{to}}"',
    description: 'The URL does not change, but SDKs that expose path parameters as named arguments do.',
  },
  'request-parameter-serialization-changed': {
    message: 'request parameter "{{name}}" ({{in}}) serialization changed from {{from}} to {{to}}',
    description: 'The parameter is written differently on the wire (style / explode, or 2.0 collectionFormat): existing clients send the old format.',
  },
  // request body
  'request-body-added-required': { message: 'required request body added', description: 'Existing clients send no body and now fail.' },
  'request-body-added': { message: 'optional request body added', description: 'The operation accepts a body it did not describe before.' },
  'request-body-removed': { message: 'request body removed', description: 'Clients that still send a body may be rejected or see it ignored.' },
  'request-body-became-required': { message: 'request body became required', description: 'Clients that send no body now fail.' },
  'request-body-became-optional': { message: 'request body became optional', description: 'The body may now be omitted.' },
  'request-body-media-type-added': { message: 'request body accepts media type {{mediaType}}', description: 'A new request media type.' },
  'request-body-media-type-removed': {
    message: 'request body no longer accepts media type {{mediaType}}',
    description: 'Clients sending that content type now fail.',
  },
  // responses
  'response-success-status-removed': {
    message: 'success response {{status}} removed',
    description: 'Clients that handle this success status now meet another one.',
  },
  'response-status-removed': { message: 'response {{status}} removed', description: 'A non-success response is no longer documented.' },
  'response-status-added': { message: 'response {{status}} added', description: 'A new documented response status.' },
  'response-media-type-removed': {
    message: 'response {{status}} no longer offers media type {{mediaType}}',
    description: 'Clients asking for that content type no longer get it.',
  },
  'response-media-type-added': { message: 'response {{status}} offers media type {{mediaType}}', description: 'A new response media type.' },
  'response-required-header-removed': {
    message: 'response {{status}} no longer sends required header "{{name}}"',
    description: 'Clients relying on a header that was always sent break.',
  },
  'response-optional-header-removed': { message: 'response {{status}} no longer documents header "{{name}}"', description: 'An optional response header was removed.' },
  'response-header-became-optional': {
    message: 'response {{status}} header "{{name}}" became optional',
    description: 'Clients relying on the header being always present break when it is missing.',
  },
  'response-header-added': { message: 'response {{status}} documents header "{{name}}"', description: 'A new response header.' },
  // security of components
  'security-scheme-added': { message: 'security scheme "{{name}}" added', description: 'A new security scheme is defined.' },
  'security-scheme-removed': { message: 'security scheme "{{name}}" removed', description: 'A security scheme definition was removed.' },
  'security-scheme-type-changed': {
    message: 'security scheme "{{name}}" changed from {{from}} to {{to}}',
    description: 'Clients authenticate the old way and are refused.',
  },
  'security-scheme-flow-removed': {
    message: 'security scheme "{{name}}" no longer offers the OAuth2 {{flow}} flow',
    description: 'Clients that obtain tokens through this flow can no longer authenticate.',
  },
  'security-scheme-flow-added': { message: 'security scheme "{{name}}" offers the OAuth2 {{flow}} flow', description: 'A new way to obtain tokens.' },
  'security-scheme-url-changed': {
    message: 'security scheme "{{name}}" {{flow}} {{url}} changed from {{from}} to {{to}}',
    description: 'Clients configured with the old authorization or token URL may fail to obtain tokens.',
  },
  'security-scheme-scope-removed': {
    message: 'security scheme "{{name}}" {{flow}} flow no longer defines scope(s) {{scopes}}',
    description: 'Clients asking for a scope that is no longer defined may be refused a token.',
  },
  // servers and webhooks
  'server-added': { message: 'server {{url}} added', description: 'A new server URL.' },
  'server-removed': { message: 'server {{url}} removed', description: 'Clients configured with this base URL stop working.' },
  'webhook-added': { message: 'webhook "{{name}}" ({{method}}) added', description: 'A new webhook (OpenAPI 3.1).' },
  'webhook-removed': { message: 'webhook "{{name}}" ({{method}}) removed', description: 'Subscribers no longer receive this webhook (OpenAPI 3.1).' },
  // versioning policy
  'version-bump-required': {
    message: 'breaking changes need a new {{needed}} version, but info.version went from "{{from}}" to "{{to}}"',
    description: 'The versioning policy: a breaking change requires a semver major bump of info.version (a minor bump while 0.x).',
  },
};

/** Security ids exist for the global requirement and for an operation's own one. */
const SECURITY: Record<string, CatalogueEntry> = {
  'security-added': { message: '{{where}} now requires authentication ({{schemes}})', description: 'Calls without credentials were accepted and are now refused.' },
  'security-removed': { message: '{{where}} no longer requires authentication', description: 'Anonymous calls are now accepted: check that this is intended.' },
  'security-scheme-added': { message: '{{where}} now also requires security scheme "{{scheme}}"', description: 'Clients must present credentials they did not need before.' },
  'security-scheme-removed': {
    message: '{{where}} no longer accepts security {{schemes}}',
    description: 'Clients authenticating with the removed alternative are refused.',
  },
  'security-alternative-added': { message: '{{where}} also accepts security {{schemes}}', description: 'A new way to authenticate.' },
  'security-scope-added': { message: '{{where}} now requires scope(s) {{scopes}} of "{{scheme}}"', description: 'Tokens without the new scopes are refused.' },
  'security-scope-removed': { message: '{{where}} no longer requires scope(s) {{scopes}} of "{{scheme}}"', description: 'Fewer scopes are needed.' },
};
for (const scope of ['global', 'operation']) {
  for (const [suffix, entry] of Object.entries(SECURITY)) MESSAGES[`${scope}-${suffix}`] = entry;
}

export const SCHEMA_MESSAGES: Record<SchemaKind, CatalogueEntry> = {
  'type-widened': { message: '{{subject}} type widened from {{from}} to {{to}}', description: 'More types are allowed.' },
  'type-narrowed': { message: '{{subject}} type narrowed from {{from}} to {{to}}', description: 'Fewer types are allowed.' },
  'type-changed': { message: '{{subject}} type changed from {{from}} to {{to}}', description: 'The type changed incompatibly.' },
  'became-nullable': { message: '{{subject}} became nullable', description: 'null is now a possible value.' },
  'became-not-nullable': { message: '{{subject}} is no longer nullable', description: 'null is no longer allowed.' },
  'format-added': { message: '{{subject}} format "{{to}}" added', description: 'Values must now match a format.' },
  'format-removed': { message: '{{subject}} format "{{from}}" removed', description: 'Values no longer promise a format.' },
  'format-changed': { message: '{{subject}} format changed from "{{from}}" to "{{to}}"', description: 'Values follow another format.' },
  'pattern-added': { message: '{{subject}} pattern "{{to}}" added', description: 'Values must now match a pattern.' },
  'pattern-removed': { message: '{{subject}} pattern "{{from}}" removed', description: 'Values no longer promise a pattern.' },
  'pattern-changed': { message: '{{subject}} pattern changed from "{{from}}" to "{{to}}"', description: 'Values must match another pattern.' },
  'enum-value-added': { message: '{{subject}} enum value "{{value}}" added', description: 'A new allowed value; clients reading it may not handle it.' },
  'extensible-enum-value-added': { message: '{{subject}} value "{{value}}" added to the extensible enum', description: 'A new value of an x-extensible-enum, which clients must already tolerate.' },
  'enum-value-removed': { message: '{{subject}} enum value "{{value}}" removed', description: 'A value is no longer allowed or sent.' },
  'enum-added': { message: '{{subject}} restricted to the values {{values}}', description: 'An enum now restricts the values.' },
  'enum-removed': { message: '{{subject}} no longer restricted to the values {{values}}', description: 'Any value of the type may now appear.' },
  'const-added': { message: '{{subject}} must now be {{to}}', description: 'A const now fixes the value.' },
  'const-removed': { message: '{{subject}} is no longer fixed to {{from}}', description: 'The const was removed.' },
  'const-changed': { message: '{{subject}} const changed from {{from}} to {{to}}', description: 'The fixed value changed.' },
  'min-increased': { message: '{{subject}} {{keyword}} raised from {{from}} to {{to}}', description: 'A lower bound was raised (or added).' },
  'min-decreased': { message: '{{subject}} {{keyword}} lowered from {{from}} to {{to}}', description: 'A lower bound was lowered (or removed).' },
  'max-increased': { message: '{{subject}} {{keyword}} raised from {{from}} to {{to}}', description: 'An upper bound was raised (or removed).' },
  'max-decreased': { message: '{{subject}} {{keyword}} lowered from {{from}} to {{to}}', description: 'An upper bound was lowered (or added).' },
  'multiple-of-added': { message: '{{subject}} must now be a multiple of {{to}}', description: 'A multipleOf now restricts the values.' },
  'multiple-of-removed': { message: '{{subject}} no longer needs to be a multiple of {{from}}', description: 'The multipleOf was removed.' },
  'multiple-of-narrowed': { message: '{{subject}} multipleOf changed from {{from}} to {{to}}, allowing fewer values', description: 'The new multipleOf is a multiple of the old one: fewer values are allowed.' },
  'multiple-of-widened': { message: '{{subject}} multipleOf changed from {{from}} to {{to}}, allowing more values', description: 'The old multipleOf is a multiple of the new one: more values are allowed.' },
  'multiple-of-changed': { message: '{{subject}} multipleOf changed from {{from}} to {{to}}', description: 'The multipleOf changed; some values allowed before are not anymore, and the other way round.' },
  'unique-items-added': { message: '{{subject}} items must now be unique', description: 'uniqueItems was set: arrays with repeated items are no longer allowed.' },
  'unique-items-removed': { message: '{{subject}} items no longer need to be unique', description: 'uniqueItems was unset: arrays may repeat items.' },
  'default-added': { message: '{{subject}} default {{to}} added', description: 'A default value was declared.' },
  'default-removed': { message: '{{subject}} default {{from}} removed', description: 'Clients that leave the value out no longer get a documented default.' },
  'default-changed': { message: '{{subject}} default changed from {{from}} to {{to}}', description: 'Clients that leave the value out silently get another value.' },
  'discriminator-added': { message: '{{subject}} discriminator "{{to}}" added', description: 'The alternatives are now told apart by a discriminator property.' },
  'discriminator-removed': { message: '{{subject}} discriminator "{{from}}" removed', description: 'Generated SDKs no longer pick the class by a discriminator property.' },
  'discriminator-property-changed': { message: '{{subject}} discriminator property changed from "{{from}}" to "{{to}}"', description: 'The alternative is named by another property: clients write and read the old one.' },
  'discriminator-mapping-added': { message: '{{subject}} discriminator value "{{tag}}" added (maps to {{target}})', description: 'A new discriminator value; clients reading it may not know the class.' },
  'discriminator-mapping-removed': { message: '{{subject}} discriminator value "{{tag}}" removed (mapped to {{target}})', description: 'A discriminator value is no longer accepted or sent.' },
  'discriminator-mapping-changed': { message: '{{subject}} discriminator value "{{tag}}" maps to {{to}} instead of {{from}}', description: 'A discriminator value now names another schema.' },
  'additional-properties-closed': { message: '{{subject}} no longer allows additional properties', description: 'additionalProperties became false.' },
  'additional-properties-opened': { message: '{{subject}} now allows additional properties', description: 'additionalProperties is no longer false.' },
  'additional-properties-restricted': { message: '{{subject}} additional properties must now match a schema', description: 'additionalProperties changed from any value to a schema.' },
  'additional-properties-unrestricted': { message: '{{subject}} additional properties no longer follow a schema', description: 'additionalProperties changed from a schema to any value.' },
  'unevaluated-properties-closed': { message: '{{subject}} no longer allows unevaluated properties', description: 'unevaluatedProperties became false (OpenAPI 3.1).' },
  'unevaluated-properties-opened': { message: '{{subject}} now allows unevaluated properties', description: 'unevaluatedProperties is no longer false (OpenAPI 3.1).' },
  'unevaluated-properties-restricted': { message: '{{subject}} unevaluated properties must now match a schema', description: 'unevaluatedProperties changed from any value to a schema (OpenAPI 3.1).' },
  'unevaluated-properties-unrestricted': { message: '{{subject}} unevaluated properties no longer follow a schema', description: 'unevaluatedProperties changed from a schema to any value (OpenAPI 3.1).' },
  'prefix-items-changed': { message: '{{subject}} prefixItems tuple length changed from {{from}} to {{to}}', description: 'The prefixItems tuple changed length (OpenAPI 3.1).' },
  'variant-added': { message: '{{subject}} {{keyword}} variant added', description: 'A new alternative shape.' },
  'variant-removed': { message: '{{subject}} {{keyword}} variant removed', description: 'An alternative shape was removed.' },
  'became-one-of': {
    message: '{{subject}} became a oneOf of {{variants}} variants, one of them the previous schema',
    description: 'The schema is now one of several alternatives, the previous one among them: clients may keep sending the old shape (unless another variant also matches it), but what they receive may take shapes they do not know.',
  },
  'became-any-of': {
    message: '{{subject}} became an anyOf of {{variants}} variants, one of them the previous schema',
    description: 'The schema is now one of several alternatives, the previous one among them: clients may keep sending the old shape, but what they receive may take shapes they do not know.',
  },
  'one-of-collapsed': {
    message: '{{subject}} is no longer a oneOf of {{variants}} variants but one of them',
    description: 'A oneOf was replaced by one of its variants: clients sending another variant are refused; what they receive takes a shape they already know.',
  },
  'any-of-collapsed': {
    message: '{{subject}} is no longer an anyOf of {{variants}} variants but one of them',
    description: 'An anyOf was replaced by one of its variants: clients sending another variant are refused; what they receive takes a shape they already know.',
  },
  'unmodelled-keyword-changed': {
    message: '{{subject}} {{changes}}; Rampart does not judge whether this breaks clients: review it',
    description:
      'A JSON Schema keyword the comparison does not model (not, if/then/else, contains, minContains, maxContains, dependentRequired, dependentSchemas, patternProperties, propertyNames, unevaluatedItems, contentMediaType, contentEncoding, contentSchema) was added, removed or changed. Whether clients break depends on the values: review the change.',
  },
  'property-added': { message: '{{subject}} added', description: 'A new optional property.' },
  'property-added-required': { message: '{{subject}} added as required', description: 'A new required property.' },
  'property-added-required-with-default': {
    message: '{{subject}} added as required, with a default',
    description: 'A new required property with a default value, which stands in when existing clients leave it out.',
  },
  'property-removed': { message: '{{subject}} removed', description: 'A property was removed.' },
  'property-became-required': { message: '{{subject}} became required', description: 'A property is now required.' },
  'property-became-required-with-default': {
    message: '{{subject}} became required, with a default',
    description: 'A property is now required but has a default value, which stands in when clients leave it out.',
  },
  'property-became-optional': { message: '{{subject}} became optional', description: 'A property is no longer required.' },
  'property-became-read-only': { message: '{{subject}} became read-only', description: 'The property is no longer taken from requests (what clients send is ignored or refused).' },
  'property-became-not-read-only': { message: '{{subject}} is no longer read-only', description: 'Clients may now send the property.' },
  'property-became-write-only': { message: '{{subject}} became write-only', description: 'The property is no longer returned to clients.' },
  'property-became-not-write-only': { message: '{{subject}} is no longer write-only', description: 'The property is now returned to clients.' },
  'property-deprecated': { message: '{{subject}} deprecated', description: 'A property is now deprecated: clients should plan to stop sending or reading it.' },
  'property-reactivated': { message: '{{subject}} is no longer deprecated', description: 'A deprecated property was un-deprecated.' },
};

/** Fills `{{name}}` placeholders; unknown names stay visible so a broken template is noticed. */
export function formatMessage(template: string, data: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
