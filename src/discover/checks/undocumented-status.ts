import { defineCheck, endpointLocation, type CheckReport } from './check.js';

export default defineCheck({
  id: 'undocumented-status',
  description: 'The API answers with a status code the operation does not document.',
  defaultSeverity: 'warning',
  needsSpec: true,
  owasp: ['API9:2023'],
  cwe: [],
  fix: 'Document the status code and its body, or fix the server.',
  run: ({ inventory, documented }) => {
    const reports: CheckReport[] = [];
    for (const endpoint of inventory.endpoints) {
      const operation = documented.get(endpoint);
      if (!operation || operation.responses.default) continue;
      for (const [status, count] of Object.entries(endpoint.statuses)) {
        if (status === 'none' || operation.responses[status] || operation.responses[`${status[0]}XX`]) continue;
        reports.push({ message: `status ${status} is returned (${count}×) but not documented for ${operation.method} ${operation.path}`, location: endpointLocation(endpoint), relatedLocations: [operation.location], evidence: { status: Number(status), count } });
      }
    }
    return reports;
  },
});
