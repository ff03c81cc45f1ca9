import { defineClassifier } from './classifier.js';

/** ISO 13616 mod-97 check: move the first four characters to the end, letters to numbers, remainder 1. */
export function ibanValid(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of moved) {
    const code = char.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

export default defineClassifier({
  id: 'iban',
  description: 'International bank account numbers (mod-97 checksum).',
  byValue: (value) => value.length >= 15 && value.length <= 42 && ibanValid(value),
});
