import { classifyFields } from '../../traffic/classify-fields.js';
import type { DataClass } from '../../traffic/classifiers/index.js';
import { defineDetector, operationKey } from '../types.js';

/** Without a description nothing is "declared": only these classes are worth an alert on their own. */
const ALWAYS_SENSITIVE = new Set<DataClass>(['credit-card', 'us-ssn', 'password', 'private-key', 'iban', 'api-key']);

/**
 * Sensitive data leaving in responses (the traffic classifiers: card numbers, SSNs, password
 * hashes, keys, e-mail, phone…) in fields the description does not declare. Without a description,
 * only the always-sensitive classes count. One alert per operation and field set per cooldown.
 * Errs on false positives for undeclared fields (a reviewer decides), on false negatives otherwise.
 * Monitor only: the response has already left when the body is classified.
 */
export default defineDetector({
  id: 'sensitive-data',
  description: 'A response carries sensitive data (PII, secrets, card numbers) in fields the description does not declare.',
  severity: 'error',
  owasp: ['API3:2023'],
  cwe: ['CWE-200'],
  fix: 'Stop returning the field, or declare it (and review who may see it).',
  defaultMode: 'monitor',
  enforceable: false,
  needsSpec: false,
  errsOn: 'false-positive',
  thresholds: {},
  create() {
    return {
      response(view) {
        if (view.responseJson === undefined || view.status >= 400) return undefined;
        // An undocumented operation of a described API: nothing is declared there and nothing is reported (shadow-operation covers it).
        if (view.hasSpec && !view.operation) return undefined;
        const declared = view.operation?.declaredResponseFields;
        // Declared fields are not even classified: only undeclared ones can raise an alert.
        const classified = classifyFields(view.responseJson, declared);
        const found = declared ? classified : classified.filter(({ dataClass }) => ALWAYS_SENSITIVE.has(dataClass));
        if (found.length === 0) return undefined;
        const fields = [...new Set(found.map(({ field }) => field))].sort();
        const classes = [...new Set(found.map(({ dataClass }) => dataClass))].sort();
        const operation = operationKey(view);
        return {
          message: `${operation} returned ${classes.join(', ')} in ${view.operation ? 'undeclared ' : ''}field${fields.length === 1 ? '' : 's'} ${fields.slice(0, 5).join(', ')}`,
          key: `${operation} ${fields.join(',')}`,
          // Field names and classes only: the values never leave the proxy.
          evidence: { fields: found.slice(0, 20), declared: Boolean(view.operation) },
        };
      },
    };
  },
});
