import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExposureSignals } from '../exposure.js';
import { tierOf } from '../tier.js';

const base: ExposureSignals = { operations: 10, publicServers: false, sensitiveFields: [], unauthenticatedWrites: 0, sensitiveOperations: 0 };

describe('risk tier', () => {
  const cases: { name: string; security: number; exposure: Partial<ExposureSignals>; tier: 1 | 2 | 3 }[] = [
    { name: 'internal, nothing sensitive, decent security', security: 80, exposure: {}, tier: 3 },
    { name: 'public but nothing sensitive and all writes secured', security: 80, exposure: { publicServers: true }, tier: 3 },
    { name: 'public with sensitive data', security: 80, exposure: { publicServers: true, sensitiveFields: ['password'] }, tier: 2 },
    { name: 'public, payments, anonymous writes', security: 80, exposure: { publicServers: true, sensitiveOperations: 3, unauthenticatedWrites: 1 }, tier: 1 },
    { name: 'public, sensitive data, weak security', security: 40, exposure: { publicServers: true, sensitiveFields: ['ssn'] }, tier: 1 },
    { name: 'internal but sensitive with anonymous writes', security: 90, exposure: { sensitiveFields: ['email'], unauthenticatedWrites: 2 }, tier: 2 },
    { name: 'internal, weak security', security: 30, exposure: {}, tier: 2 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const decision = tierOf(c.security, { ...base, ...c.exposure });
      assert.equal(decision.tier, c.tier);
      assert.ok(decision.reasons.length > 0);
    });
  }
  it('says why', () => {
    assert.deepEqual(tierOf(40, { ...base, publicServers: true, sensitiveFields: ['ssn'], unauthenticatedWrites: 2 }).reasons, [
      'served on public hosts',
      'sensitive data in schemas (ssn)',
      '2 write operation(s) without authentication',
      'security score 40 < 50',
    ]);
  });
});
