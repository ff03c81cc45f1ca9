/** Spectral aliases: `#Name` at the start of a `given`, simple (a list of paths) or targeted by format. */
export type AliasDefinition = string[] | { description?: string; targets: { formats: string[]; given: string[] }[] };
export type AliasMap = Record<string, AliasDefinition>;

const ALIAS = /^#([A-Za-z0-9_-]+)/;

export function hasTargetedAliases(aliases: AliasMap | null): boolean {
  return aliases !== null && Object.values(aliases).some((alias) => !Array.isArray(alias));
}

/**
 * Expands one `given`. `formats` null means "not known yet": targeted aliases then expand to nothing
 * (Spectral resolves them per document). Throws with Spectral's wording for unknown or circular aliases.
 */
export function resolveAlias(aliases: AliasMap | null, expression: string, formats: ReadonlySet<string> | null, stack: string[] = []): string[] {
  if (!expression.startsWith('#')) return [expression];
  const name = ALIAS.exec(expression)?.[1];
  if (name === undefined) throw new TypeError('Alias must match /^#([A-Za-z0-9_-]+)/');
  if (stack.includes(name)) throw new Error(`Alias "${stack[0] ?? name}" is circular. Resolution stack: ${[...stack, name].join(' -> ')}`);
  if (aliases === null || !Object.prototype.hasOwnProperty.call(aliases, name)) throw new ReferenceError(`Alias "${name}" does not exist`);
  const definition = aliases[name]!;
  let values: string[] | null;
  if (Array.isArray(definition)) values = definition;
  else values = targetFor(definition.targets, formats);
  if (values === null) return [];
  const rest = expression.slice(name.length + 1);
  return values.flatMap((value) => resolveAlias(aliases, value + rest, formats, [...stack, name]));
}

/** The last target whose formats match the document wins. */
function targetFor(targets: { formats: string[]; given: string[] }[], formats: ReadonlySet<string> | null): string[] | null {
  if (formats === null || formats.size === 0) return null;
  for (let i = targets.length - 1; i >= 0; i--) {
    if (targets[i]!.formats.some((format) => formats.has(format))) return targets[i]!.given;
  }
  return null;
}
