import { getAtPointer, parsePointer } from '../spec/pointer.js';
import type { Source } from '../spec/source.js';

export const IGNORE_EXTENSION = 'x-rampart-ignore';

/**
 * Inline suppression: `x-rampart-ignore` on a node (or any ancestor in the same file) silences the
 * rules it names for that subtree. Accepted shapes:
 *   x-rampart-ignore: [rule-a, rule-b]
 *   x-rampart-ignore: { rule-a: "why we accept it" }
 *   x-rampart-ignore: [{ rule: rule-a, reason: "why" }]
 */
export function findSuppression(source: Source, pointer: string, ruleId: string): { justification?: string } | undefined {
  if (!mentionsIgnore(source)) return undefined;
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return undefined;
  }
  let node: unknown = source.value;
  for (let depth = 0; ; depth++) {
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
      const match = matchIgnore((node as Record<string, unknown>)[IGNORE_EXTENSION], ruleId);
      if (match) return match;
    }
    if (depth === segments.length) return undefined;
    const next = getAtPointer(node, [segments[depth]!]);
    if (!next.found) return undefined;
    node = next.value;
  }
}

/** Whether a file names the extension at all: most do not, and then no finding needs the walk up. */
const mentions = new WeakMap<Source, boolean>();
function mentionsIgnore(source: Source): boolean {
  let found = mentions.get(source);
  if (found === undefined) mentions.set(source, (found = source.text.includes(IGNORE_EXTENSION)));
  return found;
}

function matchIgnore(value: unknown, ruleId: string): { justification?: string } | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (entry === ruleId) return {};
      if (entry && typeof entry === 'object' && (entry as { rule?: unknown }).rule === ruleId) {
        const reason = (entry as { reason?: unknown }).reason;
        return typeof reason === 'string' ? { justification: reason } : {};
      }
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, ruleId)) {
    const reason = (value as Record<string, unknown>)[ruleId];
    return typeof reason === 'string' ? { justification: reason } : {};
  }
  if (value === ruleId) return {};
  return undefined;
}
