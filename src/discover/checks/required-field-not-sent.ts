import { defineCheck, endpointLocation, type CheckReport } from './check.js';

export default defineCheck({
  id: 'required-field-not-sent',
  description: 'Clients omit request-body properties the description marks as required.',
  defaultSeverity: 'warning',
  needsSpec: true,
  owasp: ['API9:2023'],
  cwe: ['CWE-20'],
  fix: 'Make the property optional in the description, or reject requests without it.',
  run: ({ inventory, documented }) => {
    const reports: CheckReport[] = [];
    for (const endpoint of inventory.endpoints) {
      const operation = documented.get(endpoint);
      if (!operation?.requestBody) continue;
      for (const [mediaType, observed] of Object.entries(endpoint.requestBody)) {
        const schema = operation.requestBody.content[mediaType] ?? operation.requestBody.content['application/json'];
        const required = Array.isArray(schema?.required) ? (schema.required as string[]) : [];
        if (required.length === 0 || !observed.properties) continue;
        const alwaysSent = new Set(Array.isArray(observed.required) ? (observed.required as string[]) : []);
        const missing = required.filter((name) => !alwaysSent.has(name));
        if (missing.length > 0) {
          const succeeded = Object.entries(endpoint.statuses).filter(([status]) => status.startsWith('2')).reduce((sum, [, count]) => sum + count, 0);
          reports.push({ message: `${operation.method} ${operation.path}: required ${missing.length === 1 ? 'property' : 'properties'} ${missing.map((name) => `"${name}"`).join(', ')} not always sent${succeeded ? ` (and ${succeeded} requests still succeeded)` : ''}`, location: endpointLocation(endpoint), relatedLocations: [operation.location], evidence: { mediaType, missing } });
        }
      }
    }
    return reports;
  },
});
