import type { Finding } from '../../core/finding.js';
import { toFinding, type CheckContext, type DiscoverCheck } from './check.js';
import jwtWeakness from './jwt-weakness.js';
import requiredFieldNotSent from './required-field-not-sent.js';
import responseSchemaViolation from './response-schema-violation.js';
import secretInUrl from './secret-in-url.js';
import shadowEndpoint from './shadow-endpoint.js';
import unauthenticatedAccess from './unauthenticated-access.js';
import undeclaredSensitiveData from './undeclared-sensitive-data.js';
import undocumentedMediaType from './undocumented-media-type.js';
import undocumentedParameter from './undocumented-parameter.js';
import undocumentedResponseField from './undocumented-response-field.js';
import undocumentedStatus from './undocumented-status.js';
import unusedEndpoint from './unused-endpoint.js';
import zombieEndpoint from './zombie-endpoint.js';

/** Every discovery check, by id. */
export const discoverChecks = {
  'shadow-endpoint': shadowEndpoint,
  'zombie-endpoint': zombieEndpoint,
  'unused-endpoint': unusedEndpoint,
  'undocumented-parameter': undocumentedParameter,
  'undocumented-status': undocumentedStatus,
  'undocumented-media-type': undocumentedMediaType,
  'undocumented-response-field': undocumentedResponseField,
  'required-field-not-sent': requiredFieldNotSent,
  'response-schema-violation': responseSchemaViolation,
  'unauthenticated-access': unauthenticatedAccess,
  'undeclared-sensitive-data': undeclaredSensitiveData,
  'jwt-weakness': jwtWeakness,
  'secret-in-url': secretInUrl,
} satisfies Record<string, DiscoverCheck>;

/** Runs every check that applies (spec checks only with a spec). A crashing check becomes a finding. */
export function runChecks(context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const check of Object.values(discoverChecks) as DiscoverCheck[]) {
    if (check.needsSpec && !context.spec) continue;
    try {
      for (const report of check.run(context)) findings.push(toFinding(check, report));
    } catch (error) {
      findings.push({ ruleId: 'rule-crashed', severity: 'error', message: `check ${check.id} crashed: ${(error as Error).message}`, location: { method: '-', path: '-' }, owasp: [], cwe: [] });
    }
  }
  return findings;
}

export type { DiscoverCheck, CheckContext } from './check.js';
