import { defineClassifier } from './classifier.js';

const E164 = /^\+[1-9]\d{7,14}$/;
const FORMATTED = /^\+?[\d\s().-]{10,22}$/;

function digitCount(value: string): number {
  return value.replace(/\D/g, '').length;
}

/** E.164 numbers anywhere; formatted or bare digits only in a field named like a phone number. */
export default defineClassifier({
  id: 'phone',
  description: 'Telephone numbers (personal data).',
  byValue: (value) => E164.test(value) || (FORMATTED.test(value) && /[\s().-]/.test(value.trim()) && /^\+/.test(value) && digitCount(value) >= 10 && digitCount(value) <= 15),
  byName: /(^|[_-])(phone|mobile|cell|tel|telephone|msisdn)([_-]?(number|no))?$|phoneNumber$/i,
  nameNeedsValue: (value) => FORMATTED.test(value) && digitCount(value) >= 7 && digitCount(value) <= 15,
});
