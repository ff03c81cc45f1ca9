import type { Rule } from '../../rule.js';
import arrayItems from './array-items.js';
import contactProperties from './contact-properties.js';
import duplicatedEntryInEnum from './duplicated-entry-in-enum.js';
import infoContact from './info-contact.js';
import infoDescription from './info-description.js';
import infoLicense from './info-license.js';
import licenseUrl from './license-url.js';
import noRefSiblings from './no-$ref-siblings.js';
import noEvalInMarkdown from './no-eval-in-markdown.js';
import noScriptTagsInMarkdown from './no-script-tags-in-markdown.js';
import oas2AnyOf from './oas2-anyOf.js';
import oas2ApiHost from './oas2-api-host.js';
import oas2ApiSchemes from './oas2-api-schemes.js';
import oas2Discriminator from './oas2-discriminator.js';
import oas2HostNotExample from './oas2-host-not-example.js';
import oas2HostTrailingSlash from './oas2-host-trailing-slash.js';
import oas2OneOf from './oas2-oneOf.js';
import oas2OperationFormDataConsumeCheck from './oas2-operation-formData-consume-check.js';
import oas2OperationSecurityDefined from './oas2-operation-security-defined.js';
import oas2ParameterDescription from './oas2-parameter-description.js';
import oas2Schema from './oas2-schema.js';
import oas2UnusedDefinition from './oas2-unused-definition.js';
import oas2ValidMediaExample from './oas2-valid-media-example.js';
import oas2ValidSchemaExample from './oas2-valid-schema-example.js';
import oas3ApiServers from './oas3-api-servers.js';
import oas3CallbacksInCallbacks from './oas3-callbacks-in-callbacks.js';
import oas3ExamplesValueOrExternalValue from './oas3-examples-value-or-externalValue.js';
import oas3OperationSecurityDefined from './oas3-operation-security-defined.js';
import oas3ParameterDescription from './oas3-parameter-description.js';
import oas3Schema from './oas3-schema.js';
import oas3ServerNotExampleCom from './oas3-server-not-example.com.js';
import oas3ServerTrailingSlash from './oas3-server-trailing-slash.js';
import oas3ServerVariables from './oas3-server-variables.js';
import oas3UnusedComponent from './oas3-unused-component.js';
import oas3ValidMediaExample from './oas3-valid-media-example.js';
import oas3ValidSchemaExample from './oas3-valid-schema-example.js';
import oas31CallbacksInWebhook from './oas3_1-callbacks-in-webhook.js';
import oas31ServersInWebhook from './oas3_1-servers-in-webhook.js';
import openapiTags from './openapi-tags.js';
import openapiTagsAlphabetical from './openapi-tags-alphabetical.js';
import openapiTagsUniqueness from './openapi-tags-uniqueness.js';
import operationDescription from './operation-description.js';
import operationOperationId from './operation-operationId.js';
import operationOperationIdUnique from './operation-operationId-unique.js';
import operationOperationIdValidInUrl from './operation-operationId-valid-in-url.js';
import operationParameters from './operation-parameters.js';
import operationSingularTag from './operation-singular-tag.js';
import operationSuccessResponse from './operation-success-response.js';
import operationTagDefined from './operation-tag-defined.js';
import operationTags from './operation-tags.js';
import pathDeclarationsMustExist from './path-declarations-must-exist.js';
import pathKeysNoTrailingSlash from './path-keys-no-trailing-slash.js';
import pathNotIncludeQuery from './path-not-include-query.js';
import pathParams from './path-params.js';
import tagDescription from './tag-description.js';
import typedEnum from './typed-enum.js';

/** Rules with `spectral:oas` behaviour, under Spectral's ids, plus structural validation. */
export const oasRules = {
  'array-items': arrayItems,
  'contact-properties': contactProperties,
  'duplicated-entry-in-enum': duplicatedEntryInEnum,
  'info-contact': infoContact,
  'info-description': infoDescription,
  'info-license': infoLicense,
  'license-url': licenseUrl,
  'no-$ref-siblings': noRefSiblings,
  'no-eval-in-markdown': noEvalInMarkdown,
  'no-script-tags-in-markdown': noScriptTagsInMarkdown,
  'oas2-anyOf': oas2AnyOf,
  'oas2-api-host': oas2ApiHost,
  'oas2-api-schemes': oas2ApiSchemes,
  'oas2-discriminator': oas2Discriminator,
  'oas2-host-not-example': oas2HostNotExample,
  'oas2-host-trailing-slash': oas2HostTrailingSlash,
  'oas2-oneOf': oas2OneOf,
  'oas2-operation-formData-consume-check': oas2OperationFormDataConsumeCheck,
  'oas2-operation-security-defined': oas2OperationSecurityDefined,
  'oas2-parameter-description': oas2ParameterDescription,
  'oas2-schema': oas2Schema,
  'oas2-unused-definition': oas2UnusedDefinition,
  'oas2-valid-media-example': oas2ValidMediaExample,
  'oas2-valid-schema-example': oas2ValidSchemaExample,
  'oas3-api-servers': oas3ApiServers,
  'oas3-callbacks-in-callbacks': oas3CallbacksInCallbacks,
  'oas3-examples-value-or-externalValue': oas3ExamplesValueOrExternalValue,
  'oas3-operation-security-defined': oas3OperationSecurityDefined,
  'oas3-parameter-description': oas3ParameterDescription,
  'oas3-schema': oas3Schema,
  'oas3-server-not-example.com': oas3ServerNotExampleCom,
  'oas3-server-trailing-slash': oas3ServerTrailingSlash,
  'oas3-server-variables': oas3ServerVariables,
  'oas3-unused-component': oas3UnusedComponent,
  'oas3-valid-media-example': oas3ValidMediaExample,
  'oas3-valid-schema-example': oas3ValidSchemaExample,
  'oas3_1-callbacks-in-webhook': oas31CallbacksInWebhook,
  'oas3_1-servers-in-webhook': oas31ServersInWebhook,
  'openapi-tags': openapiTags,
  'openapi-tags-alphabetical': openapiTagsAlphabetical,
  'openapi-tags-uniqueness': openapiTagsUniqueness,
  'operation-description': operationDescription,
  'operation-operationId': operationOperationId,
  'operation-operationId-unique': operationOperationIdUnique,
  'operation-operationId-valid-in-url': operationOperationIdValidInUrl,
  'operation-parameters': operationParameters,
  'operation-singular-tag': operationSingularTag,
  'operation-success-response': operationSuccessResponse,
  'operation-tag-defined': operationTagDefined,
  'operation-tags': operationTags,
  'path-declarations-must-exist': pathDeclarationsMustExist,
  'path-keys-no-trailing-slash': pathKeysNoTrailingSlash,
  'path-not-include-query': pathNotIncludeQuery,
  'path-params': pathParams,
  'tag-description': tagDescription,
  'typed-enum': typedEnum,
} satisfies Record<string, Rule>;
