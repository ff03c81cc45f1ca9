import { declaredFields, defineCheck, documentedResponse, endpointLocation, isOpenObject, type CheckReport } from './check.js';
import { declaredFields as observedFields } from './check.js';

export default defineCheck({
  id: 'undocumented-response-field',
  description: 'Responses carry properties the documented schema does not declare (possible excessive data exposure).',
  defaultSeverity: 'warning',
  needsSpec: true,
  owasp: ['API3:2023', 'API9:2023'],
  cwe: ['CWE-213'],
  fix: 'Document the property, or stop returning it.',
  run: ({ inventory, documented }) => {
    const reports: CheckReport[] = [];
    for (const endpoint of inventory.endpoints) {
      const operation = documented.get(endpoint);
      if (!operation) continue;
      for (const [status, bodies] of Object.entries(endpoint.responses)) {
        const response = documentedResponse(operation, status);
        for (const [mediaType, observed] of Object.entries(bodies)) {
          const schema = response?.[mediaType] ?? response?.['application/json'];
          if (!schema || isOpenObject(schema)) continue;
          const declared = declaredFields(schema);
          const extra = [...observedFields(observed)].filter((field) => !declared.has(field) && !hasOpenAncestor(field, schema));
          const top = extra.filter((field) => !extra.some((other) => field.startsWith(`${other}.`) || field.startsWith(`${other}[]`)));
          if (top.length > 0) {
            reports.push({ message: `response ${status} of ${operation.method} ${operation.path} has undocumented properties: ${top.slice(0, 8).join(', ')}${top.length > 8 ? ', …' : ''}`, location: endpointLocation(endpoint), relatedLocations: [operation.location], evidence: { status: Number(status), fields: top } });
          }
        }
      }
    }
    return reports;
  },
});

/** A field under a documented object with no listed properties (a free-form map) is not drift. */
function hasOpenAncestor(field: string, schema: unknown): boolean {
  const parts = field.split('.');
  let node = schema as Record<string, unknown> | undefined;
  for (const part of parts.slice(0, -1)) {
    const name = part.replace(/\[\]$/, '');
    let next = (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[name];
    if (part.endsWith('[]')) next = next?.items as Record<string, unknown> | undefined;
    if (!next) return false;
    if (isOpenObject(next)) return true;
    node = next;
  }
  return false;
}
