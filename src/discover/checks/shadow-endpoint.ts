import { defineCheck, endpointLocation } from './check.js';

export default defineCheck({
  id: 'shadow-endpoint',
  description: 'An endpoint receives traffic but is not in the API description.',
  defaultSeverity: 'warning',
  needsSpec: true,
  owasp: ['API9:2023'],
  cwe: ['CWE-1059'],
  fix: 'Document the endpoint, or remove it from the deployment if nobody should call it.',
  run: ({ inventory, documented }) =>
    inventory.endpoints
      .filter((endpoint) => !documented.has(endpoint))
      .map((endpoint) => ({
        message: `${endpoint.method} ${endpoint.path} is called (${endpoint.count}×) but not documented`,
        location: endpointLocation(endpoint),
        evidence: { count: endpoint.count, statuses: endpoint.statuses, firstSeen: endpoint.firstSeen, lastSeen: endpoint.lastSeen, protocol: endpoint.protocol },
      })),
});
