import type { ScanContext } from './context.js';
import type { ProbeRule } from './types.js';

/**
 * A dynamic check: its rules (id, severity, OWASP API 2023 category, CWE) beside the logic that
 * sends requests, and its written false-positive policy: which way it errs when unsure.
 */
export interface Probe {
  id: string;
  description: string;
  /** When the evidence is ambiguous, what the probe does (always: not report, or report lower). */
  falsePositivePolicy: string;
  rules: Record<string, ProbeRule>;
  /** Passive probes only read the exchanges other probes recorded; they run last. */
  passive?: boolean;
  run(context: ScanContext): Promise<void>;
}

export function defineProbe<const P extends Probe>(probe: P): P {
  return probe;
}

/** A rule with the fixed parts filled in. */
export function rule(id: string, severity: ProbeRule['severity'], owasp: string, cwe: string, description: string, fix: string): ProbeRule {
  return { id, severity, owasp: [owasp], cwe: [cwe], description, fix };
}

export const is2xx = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 300;
export const is4xx = (status: number | undefined): boolean => status !== undefined && status >= 400 && status < 500;
export const is5xx = (status: number | undefined): boolean => status !== undefined && status >= 500;

/**
 * Two JSON bodies describe the same kind of thing: both arrays, or objects sharing most top-level
 * keys. Used to tell "the real data" from a 200 that says "please log in".
 */
export function sameShape(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  const keysA = Object.keys(a);
  const keysB = new Set(Object.keys(b));
  if (keysA.length === 0) return keysB.size === 0;
  const shared = keysA.filter((key) => keysB.has(key)).length;
  return shared / Math.max(keysA.length, keysB.size) >= 0.6;
}

/** Deep equality of parsed JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a as object);
  const keysB = Object.keys(b as object);
  return keysA.length === keysB.length && keysA.every((key) => jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Stable numeric seed for one operation, so one `--seed` reproduces every operation's inputs. */
export function seedFor(seed: number, key: string): number {
  let hash = seed | 0;
  for (let k = 0; k < key.length; k++) hash = (Math.imul(hash, 31) + key.charCodeAt(k)) | 0;
  return hash;
}
