import { editDistance } from './text.js';
/**
 * Names close to `input`, best first, at most `limit`: within an edit distance of a fifth of its
 * length (at least 2), and no more than 1 worse than the best, so a clear typo gets one suggestion.
 */
export function closeMatches(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = input.toLowerCase();
  const threshold = Math.max(2, Math.floor(input.length / 5));
  const scored: { name: string; distance: number }[] = [];
  for (const name of candidates) {
    const candidate = name.toLowerCase();
    const distance = candidate.includes(lower) || lower.includes(candidate) ? Math.abs(candidate.length - lower.length) / 100 : editDistance(lower, candidate);
    if (distance <= threshold) scored.push({ name, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  const best = scored[0]?.distance ?? 0;
  return scored.filter((entry) => entry.distance <= best + 1).slice(0, limit).map((entry) => entry.name);
}

/** ` Did you mean "a" or "b"?` or the empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const matches = closeMatches(input, candidates);
  if (matches.length === 0) return '';
  const quoted = matches.map((name) => `"${name}"`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return ` Did you mean ${list}?`;
}


export { editDistance };
