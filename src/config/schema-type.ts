/**
 * The TypeScript type of a value valid against a JSON Schema, for the subset our schemas use
 * (type, properties + required, additionalProperties, items, enum, const, anyOf). It lets one
 * schema object be the single source of both runtime validation and the static type.
 */
export type FromSchema<S> = S extends { enum: readonly (infer E)[] }
  ? E
  : S extends { const: infer C }
    ? C
    : S extends { anyOf: readonly (infer A)[] }
      ? FromSchema<A>
      : S extends { type: 'string' }
        ? string
        : S extends { type: 'integer' | 'number' }
          ? number
          : S extends { type: 'boolean' }
            ? boolean
            : S extends { type: 'array'; items: infer I }
              ? FromSchema<I>[]
              : S extends { type: 'object'; properties: infer P }
                ? Simplify<ObjectFrom<P, S extends { required: readonly (infer R)[] } ? R : never>>
                : S extends { type: 'object'; additionalProperties: infer V }
                  ? Record<string, FromSchema<V>>
                  : unknown;

type ObjectFrom<P, Required> = { [K in keyof P as K extends Required ? K : never]: FromSchema<P[K]> } & {
  [K in keyof P as K extends Required ? never : K]?: FromSchema<P[K]>;
};

type Simplify<T> = { [K in keyof T]: T[K] } & {};
