import type { ExposureSignals } from './exposure.js';

export type Tier = 1 | 2 | 3;

export interface TierDecision {
  tier: Tier;
  /** Why, in words, for reports. */
  reasons: string[];
}

/**
 * The risk tier: 1 = business-critical exposure, 2 = elevated, 3 = limited. It combines the
 * security score with exposure signals (README "## Score"):
 * - tier 1: public, handles sensitive data or operations, and either lets anonymous callers
 *   write or scores below 50 in security;
 * - tier 2: public and at least one of sensitive data, sensitive operations, anonymous writes;
 *   or sensitive and anonymous writes even on internal hosts; or any API scoring below 50 in security;
 * - tier 3: everything else (internal APIs with no sensitive data and decent security).
 */
export function tierOf(security: number, exposure: ExposureSignals): TierDecision {
  const reasons: string[] = [];
  reasons.push(exposure.publicServers ? 'served on public hosts' : 'servers are internal or private');
  if (exposure.sensitiveFields.length > 0) reasons.push(`sensitive data in schemas (${exposure.sensitiveFields.slice(0, 5).join(', ')})`);
  if (exposure.sensitiveOperations > 0) reasons.push(`${exposure.sensitiveOperations} payment or identity operation(s)`);
  if (exposure.unauthenticatedWrites > 0) reasons.push(`${exposure.unauthenticatedWrites} write operation(s) without authentication`);
  if (security < 50) reasons.push(`security score ${security} < 50`);
  const sensitive = exposure.sensitiveFields.length > 0 || exposure.sensitiveOperations > 0;
  if (exposure.publicServers && sensitive && (exposure.unauthenticatedWrites > 0 || security < 50)) return { tier: 1, reasons };
  const anonymousWrites = exposure.unauthenticatedWrites > 0;
  if ((exposure.publicServers && (sensitive || anonymousWrites)) || (sensitive && anonymousWrites) || security < 50) return { tier: 2, reasons };
  return { tier: 3, reasons };
}
