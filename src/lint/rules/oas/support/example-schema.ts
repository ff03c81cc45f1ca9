import { dereference, validate as interpret, type Schema } from '@cfworker/json-schema';
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
  /** $ref targets already registered with Ajv, by file, pointer and relaxation. */
  private readonly registered = new Map<string, string>();

  constructor(
    private readonly document: ApiDocument,
    private readonly format: SpecFormat,
  ) {}

  validate(schema: JsonObject, source: Source, value: unknown, relax: Relax, rootName: string): SchemaProblem[] {
    // Most examples are valid, and compiling a validator costs far more than one interpreted check.
    // So ask an interpreter first and compile with Ajv (whose errors we report) only when it objects.
    if (this.quickCheck(schema, source, relax, value)) return [];
    const validate = this.compiled(schema, source, relax);
    if (validate === NOT_COMPILABLE || validate(value)) return [];
    return explainErrors(validate.errors as ErrorObject[], value, undefined, rootName);
  }

  /** Interpreted schemas (with their $ref targets) by root schema and relaxation. */
  private readonly interpreted = new WeakMap<object, Map<Relax, Schema | null>>();
  private readonly lookup: Record<string, Schema | boolean> = Object.create(null);

  /** True when the interpreter accepts the value; false when it objects or cannot run. */
  private quickCheck(schema: JsonObject, source: Source, relax: Relax, value: unknown): boolean {
    let byRelax = this.interpreted.get(schema);
    if (!byRelax) this.interpreted.set(schema, (byRelax = new Map()));
    let root = byRelax.get(relax);
    if (root === undefined) {
      try {
        const prepared = this.prepare(schema, source, relax);
        const idKey = this.format === 'oas3.1' ? '$id' : 'id';
        root = (isObject(prepared) ? { ...prepared, [idKey]: `https://rampart.invalid/example-roots/${nextSchemaId++}.json` } : null) as Schema | null;
        if (root) dereference(root, this.lookup);
      } catch {
        root = null;
      }
      byRelax.set(relax, root);
    }
    if (!root) return false;
    try {
      return interpret(value, root, this.format === 'oas3.1' ? '2020-12' : '4', this.lookup, true).valid;
    } catch {
      return false;
    }
  }

  /** Prepared $ref targets not yet registered with Ajv. */
  private readonly pendingForAjv: JsonObject[] = [];

  private compiled(schema: JsonObject, source: Source, relax: Relax): Cached {
    let byRelax = this.cache.get(schema);
    if (!byRelax) this.cache.set(schema, (byRelax = new Map()));
    let cached = byRelax.get(relax);
    if (cached === undefined) {
      try {
        const prepared = this.prepare(schema, source, relax);
        const dialect = this.format === 'oas3.1' ? 'draft2020-12' : 'draft4';
        const ajv = ajvFor(dialect, false);
        for (const target of this.pendingForAjv.splice(0)) {
          const idKey = dialect === 'draft2020-12' ? '$id' : 'id';
          try {
            ajv.addSchema(target);
          } catch {
            ajv.addSchema({ [idKey]: target[idKey] });
          }
        }
        const key = `${dialect}\u0000${JSON.stringify(prepared)}`;
        cached = compiledByText.get(key);
        if (!cached) {
          cached = ajv.compile(prepared as object);
          compiledByText.set(key, cached);
        }
      } catch {
        // A schema Ajv cannot compile (unknown type names, broken patterns) is oas*-schema's business.
        cached = NOT_COMPILABLE;
      }
      byRelax.set(relax, cached);
    }
    return cached;
  }

  /**
   * A self-contained copy of the schema in Ajv's dialect. Each $ref target is prepared once and
   * registered with Ajv under its own id, so a model shared by hundreds of media types compiles once
   * (and recursive models need no special case).
   */
  private prepare(schema: JsonObject, source: Source, relax: Relax): unknown {
    const oas31 = this.format === 'oas3.1';
    const idKey = oas31 ? '$id' : 'id';
    const registerTarget = (target: { source: Source; pointer: string; value: unknown }): string => {
      const key = `${target.source.uri}#${target.pointer}\u0000${relax}`;
      let id = this.registered.get(key);
      if (id) return id;
      id = `https://rampart.invalid/example-schemas/${nextSchemaId++}.json`;
      this.registered.set(key, id);
      const prepared = copy(target.value, target.source, true);
      const withId = isObject(prepared) ? { ...prepared, [idKey]: id } : { [idKey]: id };
      // Ajv needs the target only if an example fails the interpreter: register it then.
      this.pendingForAjv.push(withId);
      try {
        dereference({ ...withId } as Schema, this.lookup);
      } catch {
        // the interpreter will report an unresolved $ref, and Ajv decides
      }
      return id;
    };
    const copy = (node: unknown, from: Source, isSchema: boolean): unknown => {
      if (node === null || typeof node !== 'object') return node;
      if (Array.isArray(node)) return node.map((item) => copy(item, from, isSchema));
      if (isSchema && isRefObject(node)) {
        const target = this.document.resolveRef(from, node.$ref);
        if (!target || target.value === null || typeof target.value !== 'object') return {};
        return { $ref: registerTarget(target) };
      }
      if (!isSchema) return node;
      const out: JsonObject = {};
      for (const [key, value] of Object.entries(node)) {
        // Annotations do not change what validates; dropping them lets identical schemas share one compile.
        if (ANNOTATIONS.has(key) || (key.startsWith('x-') && key !== 'x-nullable')) continue;
        if (key === 'required' && typeof value === 'boolean') continue;
        if (key === 'enum' || key === 'const') {
          out[key] = value;
          continue;
        }
        if (SCHEMA_MAPS.has(key) && isObject(value)) {
          out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, copy(sub, from, true)]));
        } else out[key] = copy(value, from, SCHEMA_VALUED.has(key));
      }
      if (!oas31) toDraft4(out, this.format);
      if (relax !== 'none') relaxRequired(out, relax);
      return out;
    };
    return copy(schema, source, true);
  }
}

/** Compiled validators by dialect and prepared schema text: equal leaf schemas compile once per process. */
const compiledByText = new Map<string, ValidateFunction>();

/** Ids of registered $ref targets are unique per process: one Ajv serves every document. */
let nextSchemaId = 0;

const ANNOTATIONS = new Set(['id', '$id', '$schema', 'discriminator', 'xml', 'externalDocs', 'description', 'title', 'example', 'examples', 'default', 'deprecated', '$comment']);
const SCHEMA_VALUED = new Set(['items', 'additionalProperties', 'additionalItems', 'not', 'allOf', 'anyOf', 'oneOf', 'prefixItems', 'contains', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);

/** OpenAPI 3.0 / Swagger schema keywords in draft-04 terms. */
function toDraft4(schema: JsonObject, format: SpecFormat): void {
  const nullable = format === 'oas3.0' ? schema.nullable === true : schema['x-nullable'] === true;
  if (schema.type === 'file') delete schema.type;
  if (nullable && typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  if (nullable && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  // Ajv has its own `nullable` keyword, which refuses a schema without `type`; the null type above says it all.
  delete schema.nullable;
  delete schema['x-nullable'];
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
