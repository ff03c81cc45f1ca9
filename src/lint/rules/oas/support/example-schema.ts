import { validate as interpret, type Schema } from '@cfworker/json-schema';
import { isRefObject, type ApiDocument } from '../../../../spec/document.js';
import type { Source } from '../../../../spec/source.js';
import type { SpecFormat } from '../../../../spec/version.js';
import { isObject, type JsonObject } from './nodes.js';
import { explainExampleErrors, isCombined } from './interpreted-errors.js';
import type { SchemaProblem } from './schema-errors.js';

/** Which `required` entries an example may omit: readOnly ones in requests, writeOnly ones in responses. */
export type Relax = 'none' | 'request' | 'response';

/**
 * Validates examples against OpenAPI schemas with an interpreting validator: each schema is prepared
 * once per process (keyed by the schema object as parsed, and the relaxation), made self-contained
 * ($refs registered once each under their own ids, so recursive models need no special case) and
 * translated to the JSON Schema dialect the interpreter runs: draft-04 for Swagger 2.0 and OpenAPI
 * 3.0 (with `nullable` / `x-nullable` as a null type), 2020-12 for OpenAPI 3.1. Compiling
 * validators (Ajv) instead cost more than the rest of a large run together.
 */
export class ExampleValidator {
  /** Interpreted schemas (with their $ref targets) by root schema and relaxation; null when unusable. */
  private readonly interpreted = new WeakMap<object, Map<Relax, Schema | null>>();
  private readonly lookup: Record<string, Schema | boolean> = Object.create(null);
  /** Ids of $ref targets already prepared, by file, pointer and relaxation. */
  private readonly registered = new Map<string, string>();

  constructor(
    private readonly document: ApiDocument,
    private readonly format: SpecFormat,
  ) {}

  /** Problems with `value`, the field `name` (`example`, `value`, a media type). */
  validate(schema: JsonObject, source: Source, value: unknown, relax: Relax, name: string): SchemaProblem[] {
    const root = this.root(schema, source, relax);
    if (!root) return [];
    const draft = this.format === 'oas3.1' ? '2020-12' : '4';
    try {
      // Short-circuiting stops at the first failing property, as Spectral's example checks do.
      const quick = interpret(value, root, draft, this.lookup, true);
      if (quick.valid) return [];
      // Spectral reports Ajv's first error, which the short-circuited run may not have met (it
      // checks keywords in another order): a failing example is checked again in full.
      const errors = isCombined(quick.errors) ? quick.errors : interpret(value, root, draft, this.lookup, false).errors;
      return explainExampleErrors(errors, root, this.lookup, draft === '4', value, name);
    } catch {
      // A schema the interpreter cannot run (an unresolvable $ref, a broken pattern) is oas*-schema's business.
      return [];
    }
  }

  private root(schema: JsonObject, source: Source, relax: Relax): Schema | null {
    let byRelax = this.interpreted.get(schema);
    if (!byRelax) this.interpreted.set(schema, (byRelax = new Map()));
    let root = byRelax.get(relax);
    if (root === undefined) {
      try {
        const prepared = this.prepare(schema, source, relax);
        const idKey = this.format === 'oas3.1' ? '$id' : 'id';
        // Not dereferenced: every $ref in a prepared copy is already the absolute id of a registered
        // target, which is all the interpreter looks up, and walking each root to list its
        // subschemas by URI was a third of the example checks' time.
        root = (isObject(prepared) ? { ...prepared, [idKey]: `https://rampart.invalid/example-roots/${nextSchemaId++}.json` } : null) as Schema | null;
      } catch {
        root = null;
      }
      byRelax.set(relax, root);
    }
    return root;
  }

  /**
   * A self-contained copy of the schema in the interpreter's dialect. Each $ref target is prepared
   * once and registered in the lookup under its own id, so a model shared by hundreds of media types
   * is prepared once (and recursive models need no special case).
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
      this.lookup[id] = (isObject(prepared) ? { ...prepared, [idKey]: id } : { [idKey]: id }) as Schema;
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
      toInterpreterDialect(out, this.format);
      if (relax !== 'none') relaxRequired(out, relax, (property) => (isObject(property) && typeof property.$ref === 'string' ? this.lookup[property.$ref] : property));
      return out;
    };
    return copy(schema, source, true);
  }
}

/** Ids of prepared $ref targets are unique per process: one lookup could serve every document. */
let nextSchemaId = 0;

const ANNOTATIONS = new Set(['id', '$id', '$schema', 'discriminator', 'xml', 'externalDocs', 'description', 'title', 'example', 'examples', 'default', 'deprecated', '$comment']);
const SCHEMA_VALUED = new Set(['items', 'additionalProperties', 'additionalItems', 'not', 'allOf', 'anyOf', 'oneOf', 'prefixItems', 'contains', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);

/**
 * OpenAPI schema keywords in the interpreter's terms: `type: file` means nothing to JSON Schema, and
 * `nullable` / `x-nullable` add a null type. As OpenAPI 3.0.3 says (and Spectral's Ajv does), that
 * changes only the type: an `enum` without null still refuses null. A 3.1 document has no
 * `nullable`, but writers carry it over from 3.0 and mean it; reading it as written keeps their
 * examples from failing on `null`.
 */
function toInterpreterDialect(schema: JsonObject, format: SpecFormat): void {
  const nullable = format === 'oas2' ? schema['x-nullable'] === true : schema.nullable === true;
  if (schema.type === 'file' && format !== 'oas3.1') delete schema.type;
  if (nullable && typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  delete schema.nullable;
  delete schema['x-nullable'];
}

/**
 * Drops readOnly (request) or writeOnly (response) properties from `required`, as Spectral does. A
 * property's flag may sit behind its $ref (Spectral sees the schema with $refs inlined).
 */
function relaxRequired(schema: JsonObject, relax: Relax, resolve: (property: unknown) => unknown): void {
  if (!Array.isArray(schema.required) || !isObject(schema.properties)) return;
  const flag = relax === 'request' ? 'readOnly' : 'writeOnly';
  const properties = schema.properties;
  const isFlagged = (name: unknown) => {
    const property = resolve(properties[name as string]);
    return isObject(property) && property[flag] === true;
  };
  const kept = schema.required.filter((name) => !isFlagged(name));
  if (kept.length === 0) delete schema.required;
  else schema.required = kept;
}
