import { declaredFields, defineCheck, documentedResponse, endpointLocation, type CheckReport } from './check.js';

export default defineCheck({
  id: 'undeclared-sensitive-data',
  description: 'Responses carry sensitive data (PII, secrets, card numbers) in fields the description does not declare.',
  defaultSeverity: 'error',
  needsSpec: true,
  owasp: ['API3:2023'],
  cwe: ['CWE-200'],
  fix: 'Stop returning the data, or declare the field (and classify it) so reviewers see it.',
  run: ({ inventory, documented }) => {
    const reports: CheckReport[] = [];
    for (const endpoint of inventory.endpoints) {
      const operation = documented.get(endpoint);
      if (!operation) continue;
      const declared = new Set<string>();
      for (const response of Object.values(operation.responses)) for (const schema of Object.values(response)) declaredFields(schema, '', declared);
      const undeclared = endpoint.sensitiveFields.filter((field) => field.where === 'response.body' && !declared.has(field.field));
      if (undeclared.length === 0) continue;
      const classes = [...new Set(undeclared.map((field) => field.dataClass))].sort();
      reports.push({
        message: `${operation.method} ${operation.path} returns ${classes.join(', ')} in undeclared field${undeclared.length === 1 ? '' : 's'} ${[...new Set(undeclared.map((field) => field.field))].slice(0, 5).join(', ')}`,
        location: endpointLocation(endpoint),
        relatedLocations: [operation.location],
        evidence: { fields: undeclared.map(({ field, dataClass, count }) => ({ field, dataClass, count })) },
      });
    }
    return reports;
  },
});
