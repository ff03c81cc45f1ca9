import { defineClassifier } from './classifier.js';

/** Luhn (mod 10) checksum over the digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let k = digits.length - 1; k >= 0; k--) {
    let d = digits.charCodeAt(k) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Visa, Mastercard, Amex, Discover, JCB, Diners prefixes. */
const ISSUER = /^(4\d{12}(\d{3})?(\d{3})?|5[1-5]\d{14}|2(2[2-9]\d|[3-6]\d\d|7[01]\d|720)\d{12}|3[47]\d{13}|6(011|5\d\d)\d{12}|35(2[89]|[3-8]\d)\d{12}|3(0[0-5]|[68]\d)\d{11})$/;

export default defineClassifier({
  id: 'credit-card',
  description: 'Payment card numbers (issuer prefix and Luhn checksum).',
  byValue: (value) => {
    if (value.length < 13 || value.length > 23 || !/^[\d -]+$/.test(value)) return false;
    const digits = value.replace(/[ -]/g, '');
    return ISSUER.test(digits) && luhnValid(digits);
  },
});
