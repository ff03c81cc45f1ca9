import type { Schema } from '../../spec/api.js';
import { classifyValue, type DataClass } from '../../traffic/classifiers/index.js';
import type { ScanContext } from '../context.js';
import { operationKey, successSchema } from '../operations.js';
import { defineProbe, is2xx, rule } from '../probe.js';

const rules = {
  exposure: rule('scan-excessive-data-exposure', 'error', 'API3:2023', 'CWE-213', 'Responses carry sensitive fields the description does not document (or documents as write-only).', 'Build responses from an explicit list of documented fields; never serialise storage objects directly.'),
};

const SENSITIVE_NAME = /passw(or)?d|secret|hash|salt|ssn|social.?security|credit.?card|card.?number|cvv|pin$|private.?key|api.?key|token|iban|salary|dob|birth/i;
/** Data classes that are sensitive by themselves; e-mail, phone and IP addresses are often legitimately returned. */
const SENSITIVE_CLASSES = new Set<DataClass>(['credit-card', 'iban', 'us-ssn', 'jwt', 'api-key', 'password', 'private-key']);

export interface ExposedField {
  field: string;
  reason: string;
}

/**
 * Sensitive fields of `body` that `schema` does not document, or documents as write-only. A field
 * counts when its name or its value says it is sensitive; undocumented harmless fields do not.
 */
export function exposedFields(body: unknown, schema: Schema | undefined, path = '', depth = 0): ExposedField[] {
  if (!schema || depth > 8 || body === null || typeof body !== 'object') return [];
  if (Array.isArray(body)) return schema.items ? dedupe(body.slice(0, 20).flatMap((item) => exposedFields(item, schema.items, `${path}[]`, depth + 1))) : [];
  if (schema.properties.size === 0 && !schema.oneOf && !schema.anyOf) return [];
  const found: ExposedField[] = [];
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    const field = path ? `${path}.${name}` : name;
    const documented = schema.properties.get(name) ?? [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].map((alternative) => alternative.properties.get(name)).find(Boolean);
    if (documented?.writeOnly && value !== undefined && value !== null) {
      found.push({ field, reason: 'documented as write-only' });
      continue;
    }
    if (documented) {
      found.push(...exposedFields(value, documented, field, depth + 1));
      continue;
    }
    const classes = classifyValue(name, value).filter((dataClass) => SENSITIVE_CLASSES.has(dataClass));
    if (classes.length > 0) found.push({ field, reason: `undocumented, holds ${classes.join(', ')}` });
    else if (SENSITIVE_NAME.test(name) && value !== null && value !== '') found.push({ field, reason: 'undocumented, sensitive name' });
  }
  return dedupe(found);
}

function dedupe(fields: ExposedField[]): ExposedField[] {
  const seen = new Set<string>();
  return fields.filter((item) => !seen.has(item.field) && seen.add(item.field));
}

export default defineProbe({
  id: 'data-exposure',
  description: 'Reads every successful JSON response the scan received and looks for sensitive fields the description does not document, using the traffic data classifiers.',
  falsePositivePolicy: 'Documented fields are never reported (the API meant to return them); undocumented fields only when their name or value classifies as sensitive. E-mail, phone and IP addresses alone are not reported.',
  passive: true,
  rules,
  async run(context: ScanContext) {
    for (const exchange of context.transport.exchanges) {
      const operation = exchange.operation;
      const response = exchange.response;
      if (!operation || !response || !is2xx(response.status) || response.json === undefined) continue;
      const fields = exposedFields(response.json, successSchema(operation));
      if (fields.length === 0) continue;
      context.report(rules.exposure, { operation }, `${operationKey(operation)} returns ${fields.map((item) => `${item.field} (${item.reason})`).join(', ')}.`, [{ label: 'response', exchange }], { fields });
    }
  },
});
