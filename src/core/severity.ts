/** One severity scale for every stage, ordered from most to least severe. */
export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** True when `severity` is as severe as `threshold` or more. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] <= RANK[threshold];
}

export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b];
}

/**
 * Accepts the spellings Spectral and ESLint users already write: names, `warn`,
 * numbers 0-3 (Spectral: 0 error … 3 hint), `off`/`false`. Returns undefined when unknown.
 */
export function parseSeverity(value: unknown): Severity | 'off' | undefined {
  if (value === false || value === 'off') return 'off';
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 3) return SEVERITIES[value];
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  if (lower === 'warn') return 'warning';
  if (lower === 'information') return 'info';
  return (SEVERITIES as readonly string[]).includes(lower) ? (lower as Severity) : undefined;
}
