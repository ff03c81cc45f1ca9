import { defineClassifier } from './classifier.js';

/** Area 001-899 except 666, group 01-99, serial 0001-9999 (SSA rules). */
export function ssnValid(value: string): boolean {
  const match = /^(\d{3})-?(\d{2})-?(\d{4})$/.exec(value);
  if (!match) return false;
  const [area, group, serial] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return area > 0 && area !== 666 && area < 900 && group > 0 && serial > 0;
}

/** Dashed SSNs anywhere; nine bare digits only in a field named like one. */
export default defineClassifier({
  id: 'us-ssn',
  description: 'US social security numbers.',
  byValue: (value) => /^\d{3}-\d{2}-\d{4}$/.test(value) && ssnValid(value),
  byName: /(^|[_-])(ssn|social[_-]?security([_-]?number)?)$|^socialSecurityNumber$/i,
  nameNeedsValue: ssnValid,
});
