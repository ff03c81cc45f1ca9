import { UNMODELLED_KEYWORDS, type Bound, type Origin, type Schema } from '../spec/api.js';
import { variantWrapping } from './variant-wrapping.js';

/** What can differ between two normalised schemas, independent of request/response direction. */
export const SCHEMA_KINDS = [
  'type-widened',
  'type-narrowed',
  'type-changed',
  'became-nullable',
  'became-not-nullable',
  'format-added',
  'format-removed',
  'format-changed',
  'pattern-added',
  'pattern-removed',
  'pattern-changed',
  'enum-value-added',
  'extensible-enum-value-added',
  'enum-value-removed',
  'enum-added',
  'enum-removed',
  'const-added',
  'const-removed',
  'const-changed',
  'min-increased',
  'min-decreased',
  'max-increased',
  'max-decreased',
  'multiple-of-added',
  'multiple-of-removed',
  'multiple-of-narrowed',
  'multiple-of-widened',
  'multiple-of-changed',
  'unique-items-added',
  'unique-items-removed',
  'default-added',
  'default-removed',
  'default-changed',
  'discriminator-added',
  'discriminator-removed',
  'discriminator-property-changed',
  'discriminator-mapping-added',
  'discriminator-mapping-removed',
  'discriminator-mapping-changed',
  'additional-properties-closed',
  'additional-properties-opened',
  'additional-properties-restricted',
  'additional-properties-unrestricted',
  'unevaluated-properties-closed',
  'unevaluated-properties-opened',
  'unevaluated-properties-restricted',
  'unevaluated-properties-unrestricted',
  'prefix-items-changed',
  'variant-added',
  'variant-removed',
  'became-one-of',
  'became-any-of',
  'one-of-collapsed',
  'any-of-collapsed',
  'unmodelled-keyword-changed',
  'property-added',
  'property-added-required',
  'property-added-required-with-default',
  'property-removed',
  'property-became-required',
  'property-became-required-with-default',
  'property-became-optional',
  'property-became-read-only',
  'property-became-not-read-only',
  'property-became-write-only',
  'property-became-not-write-only',
  'property-deprecated',
  'property-reactivated',
] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** Kinds about one property of an object, always reported with the property's path. */
export const PROPERTY_KINDS: ReadonlySet<SchemaKind> = new Set(SCHEMA_KINDS.filter((kind) => kind.startsWith('property-')));

/**
 * readOnly / writeOnly changes themselves: reported even though the property is (or was) hidden
 * from one direction, since becoming hidden or visible is the news.
 */
export const MUTABILITY_KINDS: ReadonlySet<SchemaKind> = new Set(['property-became-read-only', 'property-became-not-read-only', 'property-became-write-only', 'property-became-not-write-only']);

export interface SchemaDelta {
  kind: SchemaKind;
  /** Property path below the compared schema: names, `[]` for array items, `{*}` for additional properties. */
  path: string[];
  base: Origin;
  revision: Origin;
  data: Record<string, unknown>;
  /**
   * The property concerned, or one it is nested in, is readOnly / writeOnly on either side: clients
   * never send it / never receive it, so the delta is ignored in requests / responses respectively.
   */
  readOnly?: boolean;
  writeOnly?: boolean;
  /** The delta matters in one direction only (the other direction sees no change). */
  onlyIn?: 'request' | 'response';
}

const NONE: SchemaDelta[] = [];

const BOUNDS = [
  ['minimum', 'min'],
  ['minLength', 'min'],
  ['minItems', 'min'],
  ['minProperties', 'min'],
  ['maximum', 'max'],
  ['maxLength', 'max'],
  ['maxItems', 'max'],
  ['maxProperties', 'max'],
] as const;

/**
 * Compares resolved schema shapes: where a schema is written ($ref, components, allOf) does not
 * matter. Memoised per pair, cycle-safe (a pair met again while being compared adds nothing), and
 * each distinct delta is kept once, so shared and recursive schemas stay linear.
 */
export class SchemaComparer {
  private readonly memo = new WeakMap<Schema, Map<Schema, SchemaDelta[]>>();
  private readonly active = new WeakMap<Schema, Set<Schema>>();

  compare(base: Schema, revision: Schema): SchemaDelta[] {
    if (base === revision) return NONE;
    const known = this.memo.get(base)?.get(revision);
    if (known) return known;
    let active = this.active.get(base);
    if (active?.has(revision)) return NONE;
    if (!active) this.active.set(base, (active = new Set()));
    active.add(revision);
    const deltas = this.compute(base, revision);
    active.delete(revision);
    let row = this.memo.get(base);
    if (!row) this.memo.set(base, (row = new Map()));
    const result = deltas.length === 0 ? NONE : deltas;
    row.set(revision, result);
    return result;
  }

  private compute(b: Schema, r: Schema): SchemaDelta[] {
    const out: SchemaDelta[] = [];
    const seen = new Set<string>();
    const add = (delta: SchemaDelta) => {
      const key = `${delta.kind}\u0000${delta.base.source.uri}#${delta.base.pointer}\u0000${delta.revision.source.uri}#${delta.revision.pointer}\u0000${JSON.stringify(delta.data)}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(delta);
    };
    const here = (kind: SchemaKind, data: Record<string, unknown> = {}) => add({ kind, path: [], base: b.origin, revision: r.origin, data });
    const nest = (segment: string, deltas: SchemaDelta[], hidden?: { readOnly: boolean; writeOnly: boolean }) => {
      for (const delta of deltas) {
        const flags = hidden ? { readOnly: delta.readOnly || hidden.readOnly, writeOnly: delta.writeOnly || hidden.writeOnly } : {};
        add({ ...delta, path: [segment, ...delta.path], ...flags });
      }
    };

    const wrapping = variantWrapping(this, b, r);
    if (wrapping) {
      if (wrapping.kind) here(wrapping.kind, { variants: wrapping.variants });
      if (wrapping.nullability) here(wrapping.nullability);
      return out;
    }

    const typeRelation = relation(b.types, r.types);
    if (typeRelation) {
      here(typeRelation, { from: typeText(b.types), to: typeText(r.types) });
      // Constraints of an unrelated type say nothing more.
      if (typeRelation === 'type-changed') return out;
    }
    if (b.nullable !== r.nullable) here(r.nullable ? 'became-nullable' : 'became-not-nullable');
    compareText(b.format, r.format, 'format', here);
    compareText(b.pattern, r.pattern, 'pattern', here);
    if (b.unmodelled || r.unmodelled) {
      const changes = unmodelledChanges(b.unmodelled, r.unmodelled);
      if (changes.length > 0) here('unmodelled-keyword-changed', { changes: `keyword${changes.length > 1 ? 's' : ''} ${changes.join(', ')}` });
    }

    // `enum: [a]` and `const: a` allow the same values: a 3.0 → 3.1 rewrite changes nothing.
    const baseAllowed = allowedValues(b);
    const revisionAllowed = allowedValues(r);
    if (baseAllowed && revisionAllowed && sameValues(baseAllowed, revisionAllowed)) {
      // the same values, however they are written
    } else if (b.enum && r.enum) {
      if (sameValues(b.enum, r.enum)) {
        // the common case: nothing to do
      } else {
      const baseKeys = new Set(b.enum.map(key));
      const revisionKeys = new Set(r.enum.map(key));
      for (const value of b.enum) if (!revisionKeys.has(key(value))) here('enum-value-removed', { value: show(value) });
      // `x-extensible-enum` tells clients to expect new values: adding one breaks nobody.
      for (const value of r.enum) if (!baseKeys.has(key(value))) here(r.extensibleEnum ? 'extensible-enum-value-added' : 'enum-value-added', { value: show(value) });
      }
    } else if (r.enum) {
      here('enum-added', { values: r.enum.map(show).join(', ') });
    } else if (b.enum) {
      here('enum-removed', { values: b.enum.map(show).join(', ') });
    }
    if ((b.hasConst || r.hasConst) && !(baseAllowed && revisionAllowed && sameValues(baseAllowed, revisionAllowed))) {
      if (!b.hasConst) here('const-added', { to: literal(r.const) });
      else if (!r.hasConst) here('const-removed', { from: literal(b.const) });
      else if (key(b.const) !== key(r.const)) here('const-changed', { from: literal(b.const), to: literal(r.const) });
    }

    for (const [keyword, side] of BOUNDS) {
      const rawFrom = b[keyword];
      const rawTo = r[keyword];
      if (rawFrom === rawTo) continue;
      if (typeof rawFrom === 'object' && typeof rawTo === 'object' && rawFrom.value === rawTo.value && rawFrom.exclusive === rawTo.exclusive) continue;
      const from = asBound(rawFrom);
      const to = asBound(rawTo);
      const stricter = compareBounds(from, to, side);
      if (stricter === 0) continue;
      const data = { keyword: boundKeyword(keyword, from, to), from: boundText(from), to: boundText(to) };
      if (side === 'min') here(stricter > 0 ? 'min-increased' : 'min-decreased', data);
      else here(stricter > 0 ? 'max-decreased' : 'max-increased', data);
    }

    if (b.multipleOf !== r.multipleOf) {
      const data = { from: b.multipleOf ?? 'none', to: r.multipleOf ?? 'none' };
      if (b.multipleOf === undefined) here('multiple-of-added', data);
      else if (r.multipleOf === undefined) here('multiple-of-removed', data);
      // Multiples of 4 are multiples of 2: 2 → 4 admits fewer values, 4 → 2 more.
      else if (isMultiple(r.multipleOf, b.multipleOf)) here('multiple-of-narrowed', data);
      else if (isMultiple(b.multipleOf, r.multipleOf)) here('multiple-of-widened', data);
      else here('multiple-of-changed', data);
    }
    if (b.uniqueItems !== r.uniqueItems) here(r.uniqueItems ? 'unique-items-added' : 'unique-items-removed');
    if (b.hasDefault || r.hasDefault) {
      if (!b.hasDefault) here('default-added', { to: literal(r.default) });
      else if (!r.hasDefault) here('default-removed', { from: literal(b.default) });
      else if (key(b.default) !== key(r.default)) here('default-changed', { from: literal(b.default), to: literal(r.default) });
    }
    compareDiscriminators(b, r, here);

    compareOpenness(b.additionalProperties, r.additionalProperties, 'additional-properties', here, (deltas) => nest('{*}', deltas), this);
    compareOpenness(b.unevaluatedProperties, r.unevaluatedProperties, 'unevaluated-properties', here, (deltas) => nest('{*}', deltas), this);

    for (const [name, property] of b.properties) {
      const next = r.properties.get(name);
      if (!next) {
        add({ kind: 'property-removed', path: [name], base: property.origin, revision: r.origin, data: { name }, readOnly: property.readOnly, writeOnly: property.writeOnly });
        continue;
      }
      const isRequired = r.required.has(name);
      const flags = { readOnly: property.readOnly || next.readOnly, writeOnly: property.writeOnly || next.writeOnly };
      const at = { path: [name], base: property.origin, revision: next.origin, data: { name } };
      if (b.required.has(name) !== isRequired) {
        // A default stands in for a value the client leaves out, as for parameters.
        const kind = !isRequired ? 'property-became-optional' : next.hasDefault ? 'property-became-required-with-default' : 'property-became-required';
        add({ kind, ...at, ...flags });
      }
      this.compareMutability(property, next, isRequired, at, add);
      // Reported with the visibility flags: a deprecated readOnly property is news to readers only.
      if (property.deprecated !== next.deprecated) add({ kind: next.deprecated ? 'property-deprecated' : 'property-reactivated', ...at, ...flags });
      const nested = this.compare(property, next);
      if (nested.length > 0) nest(name, nested, flags);
    }
    for (const [name, property] of r.properties) {
      if (b.properties.has(name)) continue;
      const kind = !r.required.has(name) ? 'property-added' : property.hasDefault ? 'property-added-required-with-default' : 'property-added-required';
      add({ kind, path: [name], base: b.origin, revision: property.origin, data: { name }, readOnly: property.readOnly, writeOnly: property.writeOnly });
    }

    if (b.items && r.items) {
      const nested = this.compare(b.items, r.items);
      if (nested.length > 0) nest('[]', nested);
    }
    if (b.prefixItems || r.prefixItems) {
      const from = b.prefixItems ?? [];
      const to = r.prefixItems ?? [];
      if (from.length !== to.length) here('prefix-items-changed', { from: from.length, to: to.length });
      for (let i = 0; i < Math.min(from.length, to.length); i++) nest(`[${i}]`, this.compare(from[i]!, to[i]!));
    }
    this.compareVariants(b.oneOf, r.oneOf, 'oneOf', b, r, add);
    this.compareVariants(b.anyOf, r.anyOf, 'anyOf', b, r, add);
    return out;
  }

  /**
   * readOnly hides a property from requests, writeOnly from responses. Becoming hidden or visible is
   * reported as such; a required property that becomes visible to requests is also newly required
   * there (`required` of a readOnly property applies to responses only), and likewise for responses.
   */
  private compareMutability(property: Schema, next: Schema, isRequired: boolean, at: Pick<SchemaDelta, 'path' | 'base' | 'revision' | 'data'>, add: (delta: SchemaDelta) => void): void {
    if (property.readOnly !== next.readOnly) {
      add({ kind: next.readOnly ? 'property-became-read-only' : 'property-became-not-read-only', ...at });
      if (!next.readOnly && isRequired && !next.writeOnly) add({ kind: next.hasDefault ? 'property-became-required-with-default' : 'property-became-required', ...at, onlyIn: 'request' });
    }
    if (property.writeOnly !== next.writeOnly) {
      add({ kind: next.writeOnly ? 'property-became-write-only' : 'property-became-not-write-only', ...at });
      if (!next.writeOnly && isRequired && !next.readOnly) add({ kind: 'property-became-required', ...at, onlyIn: 'response' });
    }
  }

  /** Variants match when their shapes are equal; one unmatched on each side is a variant that changed. */
  private compareVariants(from: Schema[] | undefined, to: Schema[] | undefined, keyword: string, b: Schema, r: Schema, add: (delta: SchemaDelta) => void): void {
    if (!from || !to) return;
    const unmatched = [...to];
    const lost: Schema[] = [];
    from.forEach((variant, position) => {
      // The variant at the same position first, then others of the same type: full comparisons of
      // unrelated variants are what makes `anyOf` of large schemas expensive.
      const same = to[position];
      let index = same && unmatched.includes(same) && this.compare(variant, same).length === 0 ? unmatched.indexOf(same) : -1;
      if (index === -1) {
        const types = typeText(variant.types);
        index = unmatched.findIndex((candidate) => candidate !== same && typeText(candidate.types) === types && this.compare(variant, candidate).length === 0);
      }
      if (index === -1) lost.push(variant);
      else unmatched.splice(index, 1);
    });
    if (lost.length === 1 && unmatched.length === 1) {
      for (const delta of this.compare(lost[0]!, unmatched[0]!)) add(delta);
      return;
    }
    for (const variant of lost) add({ kind: 'variant-removed', path: [], base: variant.origin, revision: r.origin, data: { keyword } });
    for (const variant of unmatched) add({ kind: 'variant-added', path: [], base: b.origin, revision: variant.origin, data: { keyword } });
  }
}

/**
 * Keywords the model keeps only as canonical text (`not`, `if`, `patternProperties`, …): which were
 * added, removed or changed, in the catalogue's order. Judging them would take per-keyword logic
 * that is easy to get wrong; naming them lets a reviewer decide.
 */
function unmodelledChanges(from: Map<string, string> | undefined, to: Map<string, string> | undefined): string[] {
  const changes: string[] = [];
  for (const keyword of UNMODELLED_KEYWORDS) {
    const before = from?.get(keyword);
    const after = to?.get(keyword);
    if (before === after) continue;
    changes.push(`"${keyword}" ${before === undefined ? 'added' : after === undefined ? 'removed' : 'changed'}`);
  }
  return changes;
}

function compareDiscriminators(b: Schema, r: Schema, here: (kind: SchemaKind, data?: Record<string, unknown>) => void): void {
  const from = b.discriminator;
  const to = r.discriminator;
  if (!from && !to) return;
  if (!from) return here('discriminator-added', { to: to!.propertyName });
  if (!to) return here('discriminator-removed', { from: from.propertyName });
  if (from.propertyName !== to.propertyName) here('discriminator-property-changed', { from: from.propertyName, to: to.propertyName });
  for (const [tag, target] of from.mapping) {
    const next = to.mapping.get(tag);
    if (next === undefined) here('discriminator-mapping-removed', { tag, target });
    else if (next !== target) here('discriminator-mapping-changed', { tag, from: target, to: next });
  }
  for (const [tag, target] of to.mapping) if (!from.mapping.has(tag)) here('discriminator-mapping-added', { tag, target });
}

/** Is `value` a whole multiple of `step`? Tolerates binary fractions such as 0.1. */
function isMultiple(value: number, step: number): boolean {
  const quotient = value / step;
  return Math.abs(quotient - Math.round(quotient)) < 1e-9;
}

function compareOpenness(
  from: boolean | Schema | undefined,
  to: boolean | Schema | undefined,
  prefix: 'additional-properties' | 'unevaluated-properties',
  here: (kind: SchemaKind) => void,
  nest: (deltas: SchemaDelta[]) => void,
  comparer: SchemaComparer,
): void {
  const closedBefore = from === false;
  const closedAfter = to === false;
  // Absent and `true` both admit any extra property; a schema admits only those that match it.
  const schemaBefore = typeof from === 'object';
  const schemaAfter = typeof to === 'object';
  if (!closedBefore && closedAfter) here(`${prefix}-closed`);
  else if (closedBefore && !closedAfter) here(`${prefix}-opened`);
  else if (schemaBefore && schemaAfter) nest(comparer.compare(from, to));
  else if (!schemaBefore && schemaAfter) here(`${prefix}-restricted`);
  else if (schemaBefore && !schemaAfter) here(`${prefix}-unrestricted`);
}

/** Does `outer` accept every type `inner` accepts? `integer` values are numbers. */
function covers(outer: Set<string> | undefined, inner: Set<string> | undefined): boolean {
  if (!outer) return true;
  if (!inner) return false;
  for (const type of inner) if (!outer.has(type) && !(type === 'integer' && outer.has('number'))) return false;
  return true;
}

function sameTypes(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.size !== b.size) return false;
  for (const type of a) if (!b.has(type)) return false;
  return true;
}

function relation(from: Set<string> | undefined, to: Set<string> | undefined): 'type-widened' | 'type-narrowed' | 'type-changed' | undefined {
  if (sameTypes(from, to)) return undefined;
  if (covers(to, from)) return 'type-widened';
  if (covers(from, to)) return 'type-narrowed';
  return 'type-changed';
}

function typeText(types: Set<string> | undefined): string {
  if (!types) return 'any';
  if (types.size === 0) return 'nothing';
  return [...types].sort().join(' | ');
}

function compareText(from: string | undefined, to: string | undefined, what: 'format' | 'pattern', here: (kind: SchemaKind, data: Record<string, unknown>) => void): void {
  if (from === to) return;
  if (from === undefined) here(`${what}-added`, { to });
  else if (to === undefined) here(`${what}-removed`, { from });
  else here(`${what}-changed`, { from, to });
}

function asBound(value: Bound | number | undefined): Bound | undefined {
  return typeof value === 'number' ? { value, exclusive: false } : value;
}

/** > 0 when `to` is stricter than `from`, < 0 when looser, 0 when the same. */
function compareBounds(from: Bound | undefined, to: Bound | undefined, side: 'min' | 'max'): number {
  if (!from && !to) return 0;
  if (!from) return 1;
  if (!to) return -1;
  if (from.value !== to.value) return side === 'min' ? Math.sign(to.value - from.value) : Math.sign(from.value - to.value);
  return Number(to.exclusive) - Number(from.exclusive);
}

function boundKeyword(keyword: string, from: Bound | undefined, to: Bound | undefined): string {
  if (keyword !== 'minimum' && keyword !== 'maximum') return keyword;
  const exclusive = (to ?? from)!.exclusive;
  return exclusive ? `exclusive${keyword[0]!.toUpperCase()}${keyword.slice(1)}` : keyword;
}

function boundText(bound: Bound | undefined): string {
  return bound ? String(bound.value) : 'none';
}

/** Same primitive values in the same order (objects compare by text only when this fails). */
function sameValues(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function key(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : key(value);
}

/** A value as JSON writes it, so an empty string or "1" reads as a string in a message. */
function literal(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : key(value);
}

/** The values a schema allows by `const` or `enum` (null aside: nullability is compared on its own). */
function allowedValues(schema: Schema): unknown[] | undefined {
  if (schema.hasConst) return schema.const === null ? [] : [schema.const];
  return schema.enum;
}
