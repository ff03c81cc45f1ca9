import { defineCheck, endpointLocation } from './check.js';

export default defineCheck({
  id: 'response-schema-violation',
  description: 'Response bodies do not validate against the documented schema.',
  defaultSeverity: 'error',
  needsSpec: true,
  owasp: ['API9:2023'],
  cwe: ['CWE-1068'],
  fix: 'Fix the server or the schema so that they agree.',
  run: ({ inventory, documented }) =>
    inventory.endpoints
      .filter((endpoint) => endpoint.schemaViolations && documented.has(endpoint))
      .map((endpoint) => {
        const operation = documented.get(endpoint)!;
        return {
          message: `${endpoint.schemaViolations!.count} response${endpoint.schemaViolations!.count === 1 ? '' : 's'} of ${operation.method} ${operation.path} violate the documented schema: ${endpoint.schemaViolations!.messages[0]}`,
          location: endpointLocation(endpoint),
          relatedLocations: [operation.location],
          evidence: { count: endpoint.schemaViolations!.count, errors: endpoint.schemaViolations!.messages },
        };
      }),
});
