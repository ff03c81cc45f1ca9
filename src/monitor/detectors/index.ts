import bfla from './bfla.js';
import bola from './bola.js';
import bruteForce from './brute-force.js';
import minVersion from './min-version.js';
import rateAnomaly from './rate-anomaly.js';
import requestContract from './request-contract.js';
import responseContract from './response-contract.js';
import scanning from './scanning.js';
import sensitiveData from './sensitive-data.js';
import shadowOperation from './shadow-operation.js';
import unsafeJwt from './unsafe-jwt.js';
import zombieOperation from './zombie-operation.js';
import type { Detector } from '../types.js';

/** Every detector, by id. The meta-test checks ids match file names and every threshold is documented. */
export const detectors = {
  'rate-anomaly': rateAnomaly,
  'brute-force': bruteForce,
  bola,
  bfla,
  scanning,
  'sensitive-data': sensitiveData,
  'unsafe-jwt': unsafeJwt,
  'shadow-operation': shadowOperation,
  'zombie-operation': zombieOperation,
  'request-contract': requestContract,
  'response-contract': responseContract,
  'min-version': minVersion,
} satisfies Record<string, Detector>;

export type DetectorId = keyof typeof detectors;

export function isDetectorId(id: string): id is DetectorId {
  return Object.prototype.hasOwnProperty.call(detectors, id);
}
