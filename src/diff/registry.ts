import deprecation from './checks/deprecation.js';
import endpoints from './checks/endpoints.js';
import operationIdentity from './checks/operation-identity.js';
import parameters from './checks/parameters.js';
import requestBody from './checks/request-body.js';
import responses from './checks/responses.js';
import schemas, { SCHEMA_IDS } from './checks/schemas.js';
import security from './checks/security.js';
import servers from './checks/servers.js';
import versioning from './checks/versioning.js';
import webhooks from './checks/webhooks.js';
import { MESSAGES, SCHEMA_MESSAGES, type CatalogueEntry } from './messages.js';
import type { ChangeDefinition, Check } from './types.js';

/** Every check family, in the order they run. `versioning` reads the others' changes, so it is last. */
export const checks: readonly Check[] = [endpoints, deprecation, webhooks, operationIdentity, parameters, requestBody, responses, schemas, security, servers, versioning];

/** The taxonomy of every change id, assembled from the check files. */
export const changeDefinitions: ReadonlyMap<string, ChangeDefinition> = new Map(checks.flatMap((check) => check.definitions.map((definition) => [definition.id, definition] as const)));

/** The catalogue entry (message template and description) of a change id. */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  const kind = SCHEMA_IDS.get(id);
  return kind ? SCHEMA_MESSAGES[kind] : MESSAGES[id];
}
