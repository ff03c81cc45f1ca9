import { defineCheck, endpointLocation, type CheckReport } from './check.js';

export default defineCheck({
  id: 'undocumented-parameter',
  description: 'Clients send query or header parameters the operation does not document.',
  defaultSeverity: 'warning',
  needsSpec: true,
  owasp: ['API9:2023'],
  cwe: ['CWE-1059'],
  fix: 'Document the parameter (or stop the server from accepting it).',
  run: ({ inventory, documented }) => {
    const reports: CheckReport[] = [];
    for (const endpoint of inventory.endpoints) {
      const operation = documented.get(endpoint);
      if (!operation) continue;
      const known = new Set(operation.parameters.map((parameter) => `${parameter.in}:${parameter.name.toLowerCase()}`));
      for (const query of endpoint.query) {
        if (!known.has(`query:${query.name.toLowerCase()}`)) {
          reports.push({ message: `query parameter "${query.name}" is sent (${query.count}×) but not documented for ${operation.method} ${operation.path}`, location: endpointLocation(endpoint), relatedLocations: [operation.location], evidence: { in: 'query', name: query.name, count: query.count } });
        }
      }
      for (const header of endpoint.headers) {
        if (!known.has(`header:${header.name}`) && !/^x-(amzn|b3|datadog|cloud|envoy)/.test(header.name)) {
          reports.push({ message: `header "${header.name}" is sent (${header.count}×) but not documented for ${operation.method} ${operation.path}`, location: endpointLocation(endpoint), relatedLocations: [operation.location], evidence: { in: 'header', name: header.name, count: header.count } });
        }
      }
    }
    return reports;
  },
});
