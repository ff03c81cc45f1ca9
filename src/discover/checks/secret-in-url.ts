import { defineCheck, endpointLocation } from './check.js';

const CREDENTIALS = new Set(['api-key', 'password', 'jwt', 'private-key']);

export default defineCheck({
  id: 'secret-in-url',
  description: 'Credentials travel in the query string, where logs, proxies and browser history keep them.',
  defaultSeverity: 'warning',
  needsSpec: false,
  owasp: ['API2:2023'],
  cwe: ['CWE-598'],
  fix: 'Send credentials in a header (Authorization) or the body, never in the URL.',
  run: ({ inventory }) =>
    inventory.endpoints.flatMap((endpoint) => {
      const fields = endpoint.sensitiveFields.filter((field) => field.where === 'request.query' && CREDENTIALS.has(field.dataClass));
      return fields.length === 0
        ? []
        : [{ message: `${endpoint.method} ${endpoint.path}: ${fields.map((field) => `${field.dataClass} in query parameter "${field.field}"`).join(', ')}`, location: endpointLocation(endpoint), evidence: { fields } }];
    }),
});
