import apiKey from './api-key.js';
import type { DataClass, DataClassifier } from './classifier.js';
import creditCard from './credit-card.js';
import email from './email.js';
import iban from './iban.js';
import ipAddress from './ip-address.js';
import jwt from './jwt.js';
import password from './password.js';
import phone from './phone.js';
import privateKey from './private-key.js';
import usSsn from './us-ssn.js';

/** Every data class, by id. */
export const dataClassifiers = {
  email,
  phone,
  'credit-card': creditCard,
  iban,
  'us-ssn': usSsn,
  jwt,
  'api-key': apiKey,
  password,
  'private-key': privateKey,
  'ip-address': ipAddress,
} satisfies Record<DataClass, DataClassifier>;

const ALL = Object.values(dataClassifiers) as DataClassifier[];
const BY_NAME = ALL.filter((classifier) => classifier.byName);
const BY_VALUE = ALL.filter((classifier) => classifier.byValue);

/**
 * The data classes of one value, seen in a field named `field` (the last key, parameter or header
 * name; may be empty). Numbers are checked as their decimal text (card numbers sent as integers).
 */
export function classifyValue(field: string, value: unknown): DataClass[] {
  let text: string;
  if (typeof value === 'string') text = value;
  // Below a million no class applies (the shortest, an SSN, has nine digits): the common case, skipped fast.
  else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1_000_000) text = String(value);
  else return [];
  if (text.length === 0 || text.length > 16384) return [];
  const found: DataClass[] = [];
  if (field) {
    for (const classifier of BY_NAME) {
      if (classifier.byName!.test(field) && (!classifier.nameNeedsValue || classifier.nameNeedsValue(text))) found.push(classifier.id);
    }
  }
  // The shortest value any class matches is an e-mail like `a@b.co`.
  if (text.length < 6) return found;
  const trimmed = text.trim();
  for (const classifier of BY_VALUE) {
    if (!found.includes(classifier.id) && classifier.byValue!(trimmed)) found.push(classifier.id);
  }
  return found;
}

/** The only form in which a sensitive value may appear in output: its class and length, nothing of it. */
export function redact(dataClass: DataClass, value: string): string {
  return `[${dataClass}: ${value.length} chars redacted]`;
}

export type { DataClass, DataClassifier } from './classifier.js';
