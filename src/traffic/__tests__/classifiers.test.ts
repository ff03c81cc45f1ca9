import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyValue, redact, type DataClass } from '../classifiers/index.js';
import { luhnValid } from '../classifiers/credit-card.js';
import { ibanValid } from '../classifiers/iban.js';

/** [field name, value, expected classes]: valid values are found, look-alikes are not. */
const CASES: [string, unknown, DataClass[]][] = [
  ['', 'alice@example.com', ['email']],
  ['', 'alice@example', []],
  ['', 'not an email @ all', []],
  ['', '+14155552671', ['phone']],
  ['', '+1 (415) 555-2671', ['phone']],
  ['phone', '415 555 2671', ['phone']],
  ['', '4155552671', []],
  ['orderId', '4155552671', []],
  ['', '4111111111111111', ['credit-card']],
  ['', '4111 1111 1111 1111', ['credit-card']],
  ['card', 4111111111111111, ['credit-card']],
  ['', '4111111111111112', []],
  ['', '378282246310005', ['credit-card']],
  ['', '1234567812345670', []],
  ['', 'GB82 WEST 1234 5698 7654 32', ['iban']],
  ['', 'DE89370400440532013000', ['iban']],
  ['', 'DE89370400440532013001', []],
  ['', '123-45-6789', ['us-ssn']],
  ['', '666-45-6789', []],
  ['', '000-12-3456', []],
  ['ssn', '123456789', ['us-ssn']],
  ['zip', '123456789', []],
  ['', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', ['jwt']],
  ['', 'eyJhbGciOiJIUzI1NiJ9', []],
  ['', 'AKIAIOSFODNN7EXAMPLE', ['api-key']],
  ['', 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', ['api-key']],
  ['', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', ['api-key']],
  ['apiKey', 'q8Zr2LmW9xT4vB7nK1pY6sD3', ['api-key']],
  ['apiKey', 'aaaaaaaaaaaaaaaaaaaa', []],
  ['description', 'q8Zr2LmW9xT4vB7nK1pY6sD3', []],
  ['password', 'hunter2', ['password']],
  ['newPassword', 'x', ['password']],
  ['passport', 'AB123456', []],
  ['', '-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----', ['private-key']],
  ['', '-----BEGIN PUBLIC KEY-----', []],
  ['', '192.168.1.20', ['ip-address']],
  ['', '2001:db8::1', ['ip-address']],
  ['', '999.1.1.1', []],
  ['', '1.2.3', []],
  ['', 42, []],
  ['', true, []],
];

describe('classifyValue', () => {
  for (const [field, value, expected] of CASES) {
    it(`${field || '(no name)'} = ${JSON.stringify(value).slice(0, 40)} → ${expected.join(',') || 'nothing'}`, () => {
      assert.deepEqual(classifyValue(field, value).sort(), [...expected].sort());
    });
  }
  it('checksums', () => {
    assert.equal(luhnValid('79927398713'), true);
    assert.equal(luhnValid('79927398710'), false);
    assert.equal(ibanValid('FR1420041010050500013M02606'), true);
    assert.equal(ibanValid('FR1420041010050500013M02607'), false);
  });
  it('redaction keeps nothing of the value', () => {
    const text = redact('credit-card', '4111111111111111');
    assert.equal(text, '[credit-card: 16 chars redacted]');
    assert.ok(!/\d{4}/.test(text));
  });
});
