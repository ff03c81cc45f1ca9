import { escapeSegment, getAtPointer, parsePointer } from '../spec/pointer.js';
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
  const entry = ignoreEntries(value, '').find((named) => named.ruleId === ruleId);
  if (!entry) return undefined;
  return entry.justification === undefined ? {} : { justification: entry.justification };
}

/** One rule id named by an `x-rampart-ignore`, with the pointer of where it is written. */
export interface IgnoredRuleName {
  ruleId: string;
  pointer: string;
  /** Written as a key (`x-rampart-ignore: { rule-id: reason }`). */
  onKey?: boolean;
  justification?: string;
}

/** Every rule id the file's `x-rampart-ignore` extensions name (nothing to walk in most files). */
export function ignoredRuleNames(source: Source): IgnoredRuleName[] {
  if (!mentionsIgnore(source)) return [];
  const found: IgnoredRuleName[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown, pointer: string): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    // YAML aliases share nodes: each is read once.
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${pointer}/${index}`));
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${escapeSegment(key)}`;
      if (key === IGNORE_EXTENSION) found.push(...ignoreEntries(value, at));
      else visit(value, at);
    }
  };
  visit(source.value, '');
  return found;
}

/** The entries of one `x-rampart-ignore` value, in any of its three shapes (or a single id). */
function ignoreEntries(value: unknown, pointer: string): IgnoredRuleName[] {
  const reasonOf = (reason: unknown) => (typeof reason === 'string' ? reason : undefined);
  if (typeof value === 'string') return [{ ruleId: value, pointer }];
  if (Array.isArray(value)) {
    return value.flatMap((entry, index): IgnoredRuleName[] => {
      if (typeof entry === 'string') return [{ ruleId: entry, pointer: `${pointer}/${index}` }];
      const rule = (entry as { rule?: unknown } | null)?.rule;
      return typeof rule === 'string' ? [{ ruleId: rule, pointer: `${pointer}/${index}/rule`, justification: reasonOf((entry as { reason?: unknown }).reason) }] : [];
    });
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).map(([ruleId, reason]) => ({ ruleId, pointer: `${pointer}/${escapeSegment(ruleId)}`, onKey: true, justification: reasonOf(reason) }));
  }
  return [];
}
