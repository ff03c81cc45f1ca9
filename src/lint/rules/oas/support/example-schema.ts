import type { ErrorObject, ValidateFunction } from 'ajv';
import { isRefObject, type ApiDocument } from '../../../../spec/document.js';
import type { Source } from '../../../../spec/source.js';
import type { SpecFormat } from '../../../../spec/version.js';
import { ajvFor } from './ajv.js';
import { isObject, type JsonObject } from './nodes.js';
import { explainErrors, type SchemaProblem } from './schema-errors.js';

/** Which `required` entries an example may omit: readOnly ones in requests, writeOnly ones in responses. */
export type Relax = 'none' | 'request' | 'response';

const NOT_COMPILABLE = Symbol('not compilable');
type Cached = ValidateFunction | typeof NOT_COMPILABLE;

/**
 * Validates examples against OpenAPI schemas, compiling each schema once per process (keyed by the
 * schema object as parsed, and the relaxation). The schema is made self-contained ($refs inlined,
 * cycles cut to `{}`) and translated to the JSON Schema dialect Ajv runs: draft-04 for Swagger 2.0
 * and OpenAPI 3.0 (with `nullable` / `x-nullable` as a null type), 2020-12 for OpenAPI 3.1.
 */
export class ExampleValidator {
  private readonly cache = new WeakMap<object, Map<Relax, Cached>>();

  constructor(
    private readonly document: ApiDocument,
    private readonly format: SpecFormat,
  ) {}

  validate(schema: JsonObject, source: Source, value: unknown, relax: Relax, rootName: string): SchemaProblem[] {
    const validate = this.compiled(schema, source, relax);
    if (validate === NOT_COMPILABLE || validate(value)) return [];
    return explainErrors(validate.errors as ErrorObject[], value, undefined, rootName);
  }

  private compiled(schema: JsonObject, source: Source, relax: Relax): Cached {
    let byRelax = this.cache.get(schema);
    if (!byRelax) this.cache.set(schema, (byRelax = new Map()));
    let cached = byRelax.get(relax);
    if (cached === undefined) {
      try {
        const prepared = this.prepare(schema, source, relax);
        cached = ajvFor(this.format === 'oas3.1' ? 'draft2020-12' : 'draft4', false).compile(prepared as object);
      } catch {
        // A schema Ajv cannot compile (unknown type names, broken patterns) is oas*-schema's business.
        cached = NOT_COMPILABLE;
      }
      byRelax.set(relax, cached);
    }
    return cached;
  }

  private prepare(schema: JsonObject, source: Source, relax: Relax): unknown {
    const inProgress = new Set<object>();
    const oas31 = this.format === 'oas3.1';
    const copy = (node: unknown, from: Source, isSchema: boolean): unknown => {
      if (node === null || typeof node !== 'object') return node;
      if (Array.isArray(node)) return node.map((item) => copy(item, from, isSchema));
      if (isSchema && isRefObject(node)) {
        const target = this.document.resolveRef(from, node.$ref);
        if (!target || (target.value !== null && typeof target.value === 'object' && inProgress.has(target.value))) return {};
        return copy(target.value, target.source, true);
      }
      if (!isSchema) return node;
      inProgress.add(node);
      const out: JsonObject = {};
      for (const [key, value] of Object.entries(node)) {
        if (key === 'id' || key === '$id' || key === '$schema' || key === 'discriminator' || key === 'xml' || key === 'externalDocs') continue;
        if (key === 'required' && typeof value === 'boolean') continue;
        if (key === 'example' || key === 'examples' || key === 'x-example' || key === 'default' || key === 'enum' || key === 'const') {
          out[key] = value;
          continue;
        }
        if (SCHEMA_MAPS.has(key) && isObject(value)) {
          out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, copy(sub, from, true)]));
        } else out[key] = copy(value, from, SCHEMA_VALUED.has(key));
      }
      inProgress.delete(node);
      if (!oas31) toDraft4(out, this.format);
      if (relax !== 'none') relaxRequired(out, relax);
      return out;
    };
    return copy(schema, source, true);
  }
}

const SCHEMA_VALUED = new Set(['items', 'additionalProperties', 'additionalItems', 'not', 'allOf', 'anyOf', 'oneOf', 'prefixItems', 'contains', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);

/** OpenAPI 3.0 / Swagger schema keywords in draft-04 terms. */
function toDraft4(schema: JsonObject, format: SpecFormat): void {
  const nullable = format === 'oas3.0' ? schema.nullable === true : schema['x-nullable'] === true;
  if (schema.type === 'file') delete schema.type;
  if (nullable && typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  if (nullable && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}

/** Drops readOnly (request) or writeOnly (response) properties from `required`, as Spectral does. */
function relaxRequired(schema: JsonObject, relax: Relax): void {
  if (!Array.isArray(schema.required) || !isObject(schema.properties)) return;
  const flag = relax === 'request' ? 'readOnly' : 'writeOnly';
  const properties = schema.properties;
  const kept = schema.required.filter((name) => !(isObject(properties[name as string]) && (properties[name as string] as JsonObject)[flag] === true));
  if (kept.length === 0) delete schema.required;
  else schema.required = kept;
}
