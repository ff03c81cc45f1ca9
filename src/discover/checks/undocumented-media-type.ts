import { defineCheck, documentedResponse, endpointLocation, type CheckReport } from './check.js';

export default defineCheck({
  id: 'undocumented-media-type',
  description: 'A request or response body uses a media type the operation does not document.',
  defaultSeverity: 'warning',
  needsSpec: true,
  owasp: ['API9:2023'],
  cwe: [],
  fix: 'Document the media type, or make the server produce/accept only documented ones.',
  run: ({ inventory, documented }) => {
    const reports: CheckReport[] = [];
    const covered = (types: string[], mediaType: string) => types.length === 0 || types.some((type) => type === mediaType || type === '*/*' || (type.endsWith('/*') && mediaType.startsWith(type.slice(0, -1))));
    for (const endpoint of inventory.endpoints) {
      const operation = documented.get(endpoint);
      if (!operation) continue;
      for (const mediaType of Object.keys(endpoint.requestBody)) {
        if (!operation.requestBody || !covered(Object.keys(operation.requestBody.content), mediaType)) {
          reports.push({ message: `request body of type ${mediaType} is sent but not documented for ${operation.method} ${operation.path}`, location: endpointLocation(endpoint), relatedLocations: [operation.location], evidence: { direction: 'request', mediaType } });
        }
      }
      for (const [status, bodies] of Object.entries(endpoint.responses)) {
        const response = documentedResponse(operation, status);
        if (!response) continue;
        for (const mediaType of Object.keys(bodies)) {
          if (!covered(Object.keys(response), mediaType) || Object.keys(response).length === 0) {
            reports.push({ message: `response ${status} of type ${mediaType} is not documented for ${operation.method} ${operation.path}`, location: endpointLocation(endpoint), relatedLocations: [operation.location], evidence: { direction: 'response', status: Number(status), mediaType } });
          }
        }
      }
    }
    return reports;
  },
});
