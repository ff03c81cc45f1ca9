import { anySchema, type Schema } from '../spec/api.js';
import type { SchemaComparer, SchemaKind } from './compare-schemas.js';

export type WrappingKind = Extract<SchemaKind, 'became-one-of' | 'became-any-of' | 'one-of-collapsed' | 'any-of-collapsed'>;

/** What happened when a plain schema and a oneOf/anyOf turned into each other. */
export interface VariantWrapping {
  /** undefined: the composition has a single variant, equal to the plain schema, so nothing changed. */
  kind?: WrappingKind;
  variants: number;
  /** `nullable` beside the composition (3.0's way to let null through a oneOf) that the plain schema lacks. */
  nullability?: 'became-nullable' | 'became-not-nullable';
}

/**
 * A plain schema that became one variant of a oneOf/anyOf (`Pet` → `oneOf: [Pet, Dog]`), or a
 * oneOf/anyOf replaced by one of its variants. Field by field the composition reads as "any type,
 * no properties", which says nothing true; this names the change instead. Only recognised when one
 * variant equals the plain schema and the composition states nothing else (a discriminator and
 * `nullable` aside): anything more is left to the detailed comparison.
 */
export function variantWrapping(comparer: SchemaComparer, b: Schema, r: Schema): VariantWrapping | undefined {
  const wrapped = isPlain(b) ? bareComposition(comparer, r) : undefined;
  if (wrapped && wrapped.variants.some((variant) => equal(comparer, b, variant))) {
    return outcome(wrapped.variants.length, wrapped.keyword === 'oneOf' ? 'became-one-of' : 'became-any-of', r.nullable && !b.nullable ? 'became-nullable' : undefined);
  }
  const collapsed = isPlain(r) ? bareComposition(comparer, b) : undefined;
  if (collapsed && collapsed.variants.some((variant) => equal(comparer, variant, r))) {
    return outcome(collapsed.variants.length, collapsed.keyword === 'oneOf' ? 'one-of-collapsed' : 'any-of-collapsed', b.nullable && !r.nullable ? 'became-not-nullable' : undefined);
  }
  return undefined;
}

/** `oneOf: [Pet]` admits exactly what `Pet` admits. */
function outcome(variants: number, kind: WrappingKind, nullability: VariantWrapping['nullability']): VariantWrapping {
  return { kind: variants === 1 ? undefined : kind, variants, nullability };
}

const isPlain = (schema: Schema) => !schema.oneOf && !schema.anyOf;

/** Types first: variants mostly differ in type, and comparing those in full is what costs. */
function equal(comparer: SchemaComparer, a: Schema, b: Schema): boolean {
  const typeKey = (schema: Schema) => (schema.types ? [...schema.types].sort().join('|') : '*');
  return typeKey(a) === typeKey(b) && comparer.compare(a, b).length === 0;
}

/** The variants of a schema that is only a oneOf or only an anyOf (a discriminator may stand beside it). */
function bareComposition(comparer: SchemaComparer, schema: Schema): { keyword: 'oneOf' | 'anyOf'; variants: Schema[] } | undefined {
  const keyword = schema.oneOf && !schema.anyOf ? 'oneOf' : schema.anyOf && !schema.oneOf ? 'anyOf' : undefined;
  const variants = keyword && schema[keyword];
  if (!keyword || !variants || variants.length === 0) return undefined;
  const shell: Schema = { ...schema, oneOf: undefined, anyOf: undefined, discriminator: undefined, nullable: false };
  return comparer.compare(anySchema(schema.origin), shell).length === 0 ? { keyword, variants } : undefined;
}
