/** Naming styles and the "dominant style" decision used by the consistency rules. */
export type CasingStyle = 'camelCase' | 'PascalCase' | 'snake_case' | 'kebab-case' | 'MACRO_CASE' | 'lowercase' | 'other';

export function casingOf(name: string): CasingStyle {
  if (/^[a-z][a-z0-9]*$/.test(name)) return 'lowercase';
  if (/^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/.test(name)) return 'camelCase';
  if (/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/.test(name)) return 'PascalCase';
  if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(name)) return 'snake_case';
  if (/^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(name)) return 'kebab-case';
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(name)) return 'MACRO_CASE';
  return 'other';
}

/** A one-word lower-case name fits every lower-initial style. */
export function fits(style: CasingStyle, dominant: CasingStyle): boolean {
  return style === dominant || (style === 'lowercase' && (dominant === 'camelCase' || dominant === 'snake_case' || dominant === 'kebab-case'));
}

/**
 * The document's dominant style among multi-word names, when there is one: at least `minimum`
 * multi-word names and a strict majority of them in one style. Undefined means "no clear convention".
 * `styleOf` lets a caller that judges the same names again pass its memo of `casingOf`.
 */
export function dominantStyle(names: Iterable<string>, minimum = 3, styleOf: (name: string) => CasingStyle = casingOf): CasingStyle | undefined {
  const counts = new Map<CasingStyle, number>();
  let total = 0;
  for (const name of names) {
    const style = styleOf(name);
    if (style === 'lowercase' || style === 'other') continue;
    counts.set(style, (counts.get(style) ?? 0) + 1);
    total++;
  }
  if (total < minimum) return undefined;
  const [best, count] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  return count * 2 > total ? best : undefined;
}

/** `casingOf` remembering its answers: a document repeats the same property names thousands of times. */
export function memoizedCasingOf(): (name: string) => CasingStyle {
  const styles = new Map<string, CasingStyle>();
  return (name) => {
    let style = styles.get(name);
    if (style === undefined) styles.set(name, (style = casingOf(name)));
    return style;
  };
}
