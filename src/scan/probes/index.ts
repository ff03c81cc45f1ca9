import type { Probe } from '../probe.js';
import authentication from './authentication.js';
import bfla from './bfla.js';
import bola from './bola.js';
import conformance from './conformance.js';
import dataExposure from './data-exposure.js';
import injection from './injection.js';
import inputValidation from './input-validation.js';
import jwtWeakSecret from './jwt-weak-secret.js';
import massAssignment from './mass-assignment.js';
import resourceConsumption from './resource-consumption.js';
import ssrf from './ssrf.js';
import transportConfig from './transport-config.js';
import userEnumeration from './user-enumeration.js';
import verboseErrors from './verbose-errors.js';

/**
 * Every probe, in the order the runner calls them: authorization first (while objects are fresh),
 * mass assignment after BFLA (it may change privileges), the noisy ones later, and the probes that
 * read the whole exchange log last.
 */
export const builtinProbes = {
  authentication,
  'jwt-weak-secret': jwtWeakSecret,
  'user-enumeration': userEnumeration,
  bola,
  bfla,
  'mass-assignment': massAssignment,
  'input-validation': inputValidation,
  injection,
  ssrf,
  'resource-consumption': resourceConsumption,
  'transport-config': transportConfig,
  'verbose-errors': verboseErrors,
  'data-exposure': dataExposure,
  conformance,
} satisfies Record<string, Probe>;

export type ProbeName = keyof typeof builtinProbes;
