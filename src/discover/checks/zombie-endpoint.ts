import { defineCheck, endpointLocation } from './check.js';

export default defineCheck({
  id: 'zombie-endpoint',
  description: 'An operation documented as deprecated is still called.',
  defaultSeverity: 'warning',
  needsSpec: true,
  owasp: ['API9:2023'],
  cwe: ['CWE-477'],
  fix: 'Move the listed callers to the replacement, then remove the operation.',
  run: ({ inventory, documented }) =>
    inventory.endpoints
      .filter((endpoint) => documented.get(endpoint)?.deprecated)
      .map((endpoint) => {
        const operation = documented.get(endpoint)!;
        const callers = Object.entries(endpoint.clients).sort((a, b) => b[1] - a[1]).map(([client, count]) => `${client} (${count})`);
        return {
          message: `deprecated ${operation.method} ${operation.path} is still called ${endpoint.count}× by ${endpoint.identities.count} identit${endpoint.identities.count === 1 ? 'y' : 'ies'}${callers.length ? `; clients: ${callers.slice(0, 3).join(', ')}` : ''}`,
          location: endpointLocation(endpoint),
          relatedLocations: [operation.location],
          evidence: { count: endpoint.count, lastSeen: endpoint.lastSeen, clients: endpoint.clients, identities: endpoint.identities.samples },
        };
      }),
});
