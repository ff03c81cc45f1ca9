import { defineCheck, endpointLocation } from './check.js';

export default defineCheck({
  id: 'unauthenticated-access',
  description: 'An operation documented as secured answered 2xx to requests that carried no credentials.',
  defaultSeverity: 'error',
  needsSpec: true,
  owasp: ['API2:2023'],
  cwe: ['CWE-306'],
  fix: 'Enforce the documented security requirement on the server (or document the operation as public).',
  run: ({ inventory, documented }) =>
    inventory.endpoints
      .filter((endpoint) => documented.get(endpoint)?.secured && endpoint.auth.unauthenticatedSuccess > 0)
      .map((endpoint) => {
        const operation = documented.get(endpoint)!;
        return {
          message: `${operation.method} ${operation.path} requires credentials but answered 2xx to ${endpoint.auth.unauthenticatedSuccess} request${endpoint.auth.unauthenticatedSuccess === 1 ? '' : 's'} without any`,
          location: endpointLocation(endpoint),
          relatedLocations: [operation.location],
          evidence: { unauthenticatedSuccess: endpoint.auth.unauthenticatedSuccess, unauthenticated: endpoint.auth.unauthenticated, count: endpoint.count },
        };
      }),
});
