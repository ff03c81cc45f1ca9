import { classifyValue } from './classifiers/index.js';

/**
 * What a path segment (or any short string) looks like. `strong` kinds are identifiers on their own
 * (a UUID is never a resource name); `weak` kinds need a second distinct value at the same position
 * before they become a parameter; `word` stays literal unless cardinality says otherwise.
 */
export type SegmentKind = 'integer' | 'uuid' | 'ulid' | 'hex' | 'date' | 'email' | 'token' | 'slug-id' | 'word' | 'other';

export interface SegmentClass {
  kind: SegmentKind;
  strength: 'strong' | 'weak' | 'none';
}

const INTEGER = /^-?\d+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const HEX = /^[0-9a-f]+$/i;
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const EMAIL = /^[^@/\s]+@[^@/\s]+\.[a-z]{2,}$/i;
const TOKEN = /^[A-Za-z0-9_\-+=.~]{20,}$/;
const WORD = /^[a-z]+([-_.][a-z]+)*$/i;
const VERSION = /^v\d+(\.\d+)*$/i;
/** Literal words that sit beside an identifier position and must never merge into it. */
export const RESERVED_SEGMENTS = new Set([
  'me', 'self', 'current', 'mine', 'new', 'search', 'count', 'all', 'latest', 'default', 'batch', 'bulk', 'export',
  'import', 'stats', 'summary', 'settings', 'profile', 'admin', 'public', 'private', 'recent', 'random', 'first', 'last',
]);

export function classifySegment(segment: string): SegmentClass {
  if (segment.length === 0) return { kind: 'other', strength: 'none' };
  if (INTEGER.test(segment)) return { kind: 'integer', strength: 'strong' };
  if (segment.length === 36 && UUID.test(segment)) return { kind: 'uuid', strength: 'strong' };
  if (segment.length === 26 && ULID.test(segment)) return { kind: 'ulid', strength: 'strong' };
  if (DATE.test(segment)) return { kind: 'date', strength: 'strong' };
  if (EMAIL.test(segment)) return { kind: 'email', strength: 'strong' };
  if (VERSION.test(segment)) return { kind: 'word', strength: 'none' };
  const digits = countDigits(segment);
  if (segment.length >= 8 && HEX.test(segment) && digits > 0 && digits < segment.length) {
    // hashes and object ids: long enough that an English word cannot be all hex
    return { kind: 'hex', strength: segment.length >= 16 ? 'strong' : 'weak' };
  }
  if (TOKEN.test(segment) && digits >= 2 && /[a-z]/i.test(segment)) return { kind: 'token', strength: segment.length >= 24 ? 'strong' : 'weak' };
  if (WORD.test(segment)) return { kind: 'word', strength: 'none' };
  // Personal data or secrets (a phone number, an IP) are values, and must not stay in a template.
  if (segment.length >= 7 && classifyValue('', segment).length > 0) return { kind: 'other', strength: 'strong' };
  if (digits >= 3 && /[a-z]/i.test(segment) && (segment.length >= 8 || /\d{4}/.test(segment))) return { kind: 'slug-id', strength: 'weak' };
  return { kind: 'other', strength: 'none' };
}

function countDigits(text: string): number {
  let digits = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits;
}

/** The OpenAPI schema for a parameter whose values were of these kinds. */
export function schemaForKinds(kinds: ReadonlyMap<SegmentKind, number>): { type: string; format?: string } {
  const present = [...kinds.keys()];
  if (present.length === 1) {
    switch (present[0]) {
      case 'integer':
        return { type: 'integer' };
      case 'uuid':
        return { type: 'string', format: 'uuid' };
      case 'date':
        return { type: 'string', format: 'date' };
      case 'email':
        return { type: 'string', format: 'email' };
      default:
        break;
    }
  }
  return { type: 'string' };
}
