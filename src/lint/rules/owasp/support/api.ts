/**
 * Small, shared readers over the OpenAPI model for the `owasp` and design rules: operations and
 * their effective security, responses, schema types, and the schemas reachable from requests or
 * responses. Kept here so each rule file holds only its own decision.
 */
import { isRefObject, type ApiDocument } from '../../../../spec/document.js';
import type { Source } from '../../../../spec/source.js';
import { NodeLocation } from '../../../location.js';
import type { VisitContext } from '../../../rule.js';

export type Json = Record<string, unknown>;

export const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
export const READ_METHODS = new Set(['get', 'head']);

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Where an Operation visitor stands: method, path template (or webhook name), and what holds it. */
export interface OperationSite {
  method: string;
  path: string;
  /** `path`: under `paths`; `callback`; `webhook` (3.1); `other` (a component path item). */
  kind: 'path' | 'callback' | 'webhook' | 'other';
}

export function operationSite(ctx: VisitContext): OperationSite {
  const pathItem = ctx.ancestors.at(-1);
  const holder = ctx.ancestors.at(-2);
  const path = String(pathItem?.key ?? '');
  const kind = holder?.type === 'Paths' ? 'path' : holder?.type === 'Callback' ? 'callback' : holder?.type === 'Root' ? 'webhook' : 'other';
  return { method: String(ctx.key), path, kind };
}

const schemeCache = new WeakMap<ApiDocument, Map<string, Json>>();

/** The names of the security schemes the document defines (Swagger 2 and OpenAPI 3). */
export function definedSchemes(document: ApiDocument): Map<string, Json> {
  const cached = schemeCache.get(document);
  if (cached) return cached;
  const schemes = collectSchemes(document);
  schemeCache.set(document, schemes);
  return schemes;
}

function collectSchemes(document: ApiDocument): Map<string, Json> {
  const root = document.root.value as Json;
  const container = document.version.format === 'oas2' ? root.securityDefinitions : (root.components as Json | undefined)?.securitySchemes;
  const schemes = new Map<string, Json>();
  if (!isObject(container)) return schemes;
  for (const [name, value] of Object.entries(container)) {
    const resolved = isRefObject(value) ? document.resolveRef(document.root, value.$ref)?.value : value;
    if (isObject(resolved)) schemes.set(name, resolved);
  }
  return schemes;
}

export type SecurityVerdict =
  /** No requirement at all (absent everywhere, or an explicit `security: []`). */
  | { kind: 'none'; explicit: boolean }
  /** An empty alternative `{}`: anonymous access is allowed. */
  | { kind: 'optional'; index: number }
  /** Every alternative names only schemes that are not defined. */
  | { kind: 'undefined-schemes'; names: string[] }
  | { kind: 'secured'; requirements: Json[] };

/** Operation-level `security` wins over the root's; `[]` explicitly removes it. */
export function effectiveSecurity(operation: Json, root: Json, schemes: ReadonlyMap<string, Json>): SecurityVerdict {
  const local = operation.security;
  const requirements = Array.isArray(local) ? local : Array.isArray(root.security) ? root.security : undefined;
  if (!requirements || requirements.length === 0) return { kind: 'none', explicit: Array.isArray(local) };
  const valid: Json[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < requirements.length; i++) {
    const requirement = requirements[i];
    if (!isObject(requirement)) continue;
    const names = Object.keys(requirement);
    if (names.length === 0) return { kind: 'optional', index: i };
    const missing = names.filter((name) => !schemes.has(name));
    if (missing.length === 0) valid.push(requirement);
    else unknown.push(...missing);
  }
  if (valid.length === 0) return unknown.length > 0 ? { kind: 'undefined-schemes', names: unknown } : { kind: 'none', explicit: Array.isArray(local) };
  return { kind: 'secured', requirements: valid };
}

/** The schema types a schema allows (`type` string or 3.1 list); empty when unconstrained. */
export function schemaTypes(schema: Json): string[] {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((item): item is string => typeof item === 'string');
  return [];
}

export function hasType(schema: Json, type: string): boolean {
  return schemaTypes(schema).includes(type);
}

/** Case-insensitive lookup of a header (or any map) key. */
export function hasKeyIgnoringCase(map: unknown, name: string): boolean {
  if (!isObject(map)) return false;
  const lower = name.toLowerCase();
  return Object.keys(map).some((key) => key.toLowerCase() === lower);
}

/** A node with the place it was written. */
export interface Located<T = Json> {
  node: T;
  location: NodeLocation;
}

/** Follows a $ref written at `location`; returns the node itself when it is not a $ref. */
export function resolveAt(document: ApiDocument, value: unknown, location: NodeLocation): Located<unknown> | undefined {
  if (!isRefObject(value)) return { node: value, location };
  const target = document.resolveRef(location.source, value.$ref);
  return target ? { node: target.value, location: new NodeLocation(target.source, target.pointer) } : undefined;
}

/** Many rules read the same operation's responses in one walk: resolve them once per operation node. */
const responseCache = new WeakMap<Json, { document: ApiDocument; responses: Map<string, Located> }>();

/** The responses of an operation, resolved, by status code (do not mutate the map). */
export function responsesOf(document: ApiDocument, operation: Json, location: NodeLocation): Map<string, Located> {
  const cached = responseCache.get(operation);
  if (cached && cached.document === document) return cached.responses;
  const out = new Map<string, Located>();
  responseCache.set(operation, { document, responses: out });
  const responses = resolveAt(document, operation.responses, location.child('responses'));
  if (!responses || !isObject(responses.node)) return out;
  for (const [code, value] of Object.entries(responses.node)) {
    if (code.startsWith('x-')) continue;
    const resolved = resolveAt(document, value, responses.location.child(code));
    if (resolved && isObject(resolved.node)) out.set(code, resolved as Located);
  }
  return out;
}

/** Does a response carry a body description (3.x `content`, 2.0 `schema`)? */
export function responseHasBody(response: Json): boolean {
  if (isObject(response.content) && Object.keys(response.content).length > 0) return true;
  return isObject(response.schema);
}

/** The parameters of an operation, path-item parameters included, resolved; operation entries win. */
export function parametersOf(document: ApiDocument, operation: Json, location: NodeLocation, pathItem: Located | undefined): Located[] {
  const byKey = new Map<string, Located>();
  const add = (list: unknown, at: NodeLocation) => {
    if (!Array.isArray(list)) return;
    list.forEach((value, index) => {
      const resolved = resolveAt(document, value, at.child(index));
      if (!resolved || !isObject(resolved.node)) return;
      const param = resolved.node;
      byKey.set(`${String(param.in)}:${String(param.name)}`, resolved as Located);
    });
  };
  if (pathItem) add(pathItem.node.parameters, pathItem.location.child('parameters'));
  add(operation.parameters, location.child('parameters'));
  return [...byKey.values()];
}

/** The schema of a parameter: 3.x `schema` (or the first `content` entry), 2.0 the parameter itself. */
export function parameterSchema(document: ApiDocument, parameter: Located): Located | undefined {
  const node = parameter.node;
  if (node.schema !== undefined) {
    const resolved = resolveAt(document, node.schema, parameter.location.child('schema'));
    return resolved && isObject(resolved.node) ? (resolved as Located) : undefined;
  }
  if (isObject(node.content)) {
    const [mediaType, media] = Object.entries(node.content)[0] ?? [];
    if (mediaType && isObject(media) && media.schema !== undefined) {
      const resolved = resolveAt(document, media.schema, parameter.location.child('content').child(mediaType).child('schema'));
      return resolved && isObject(resolved.node) ? (resolved as Located) : undefined;
    }
  }
  if (typeof node.type === 'string') return parameter;
  return undefined;
}

// Locations below are made one segment at a time (`child(a).child(b)`, the same pointer as
// `child(a, b)`): a single-segment child spells out no pointer until one is read, and most never are.

/** The body schemas an operation accepts: 3.x `requestBody.content.*.schema`, 2.0 `in: body`/formData. */
export function requestSchemas(document: ApiDocument, operation: Json, location: NodeLocation, pathItem?: Located): Located[] {
  const out: Located[] = [];
  const body = resolveAt(document, operation.requestBody, location.child('requestBody'));
  if (body && isObject(body.node) && isObject(body.node.content)) {
    for (const [mediaType, media] of Object.entries(body.node.content)) {
      if (!isObject(media) || media.schema === undefined) continue;
      const schema = resolveAt(document, media.schema, body.location.child('content').child(mediaType).child('schema'));
      if (schema && isObject(schema.node)) out.push(schema as Located);
    }
  }
  for (const parameter of parametersOf(document, operation, location, pathItem)) {
    if (parameter.node.in !== 'body' || parameter.node.schema === undefined) continue;
    const schema = resolveAt(document, parameter.node.schema, parameter.location.child('schema'));
    if (schema && isObject(schema.node)) out.push(schema as Located);
  }
  return out;
}

/** The body schemas of every response of an operation (all status codes). */
export function responseSchemas(document: ApiDocument, operation: Json, location: NodeLocation, filter: (code: string) => boolean = () => true): Located[] {
  const out: Located[] = [];
  for (const [code, response] of responsesOf(document, operation, location)) {
    if (!filter(code)) continue;
    if (isObject(response.node.content)) {
      for (const [mediaType, media] of Object.entries(response.node.content)) {
        if (!isObject(media) || media.schema === undefined) continue;
        const schema = resolveAt(document, media.schema, response.location.child('content').child(mediaType).child('schema'));
        if (schema && isObject(schema.node)) out.push(schema as Located);
      }
    } else if (response.node.schema !== undefined) {
      const schema = resolveAt(document, response.node.schema, response.location.child('schema'));
      if (schema && isObject(schema.node)) out.push(schema as Located);
    }
  }
  return out;
}


/** A property met while descending schemas: its name, schema, and the schema that declares it. */
export interface PropertySite {
  name: string;
  schema: Located;
  parent: Located;
}

/**
 * Calls `onProperty` for every property of every schema reachable from `roots` (through $refs,
 * composition, items, nested properties). `seen` (schema nodes, by identity) is shared by the caller
 * across roots so a schema graph is descended once per purpose, however many operations use it.
 */
export function forEachProperty(document: ApiDocument, roots: readonly Located[], seen: Set<object>, onProperty: (site: PropertySite) => void): void {
  const stack: SchemaPlace[] = roots.map((root) => SchemaPlace.at(root));
  while (stack.length > 0) {
    const current = stack.pop()!;
    // By node identity: a $ref target is one object however it is reached, and no pointer string is
    // built. One add, not has + add: a size that did not grow means the schema was seen before.
    const known = seen.size;
    seen.add(current.node);
    if (seen.size === known) continue;
    const schema = current.node;
    const properties = schema.properties;
    if (isObject(properties)) {
      for (const name in properties) {
        if (!Object.prototype.hasOwnProperty.call(properties, name)) continue;
        const value = properties[name];
        const resolved = placeBelow(document, current, value, 'properties', name);
        if (!resolved) continue;
        stack.push(resolved);
        // Report at the property as written in its parent, not at a shared $ref target.
        const schemaPlace = isRefObject(value) ? SchemaPlace.below(resolved.node, current, 'properties', name) : resolved;
        onProperty({ name, schema: schemaPlace, parent: current });
      }
    }
    // Spelled out rather than looped over key lists: named reads are much cheaper than computed
    // ones on a large document's many schema shapes. The order is the traversal order: keep it.
    pushList(stack, document, current, schema.allOf, 'allOf');
    pushList(stack, document, current, schema.anyOf, 'anyOf');
    pushList(stack, document, current, schema.oneOf, 'oneOf');
    pushList(stack, document, current, schema.prefixItems, 'prefixItems');
    pushSingle(stack, document, current, schema.items, 'items');
    pushSingle(stack, document, current, schema.additionalProperties, 'additionalProperties');
    pushSingle(stack, document, current, schema.not, 'not');
    pushSingle(stack, document, current, schema.then, 'then');
    pushSingle(stack, document, current, schema.else, 'else');
    pushSingle(stack, document, current, schema.if, 'if');
    pushSingle(stack, document, current, schema.contains, 'contains');
    pushSingle(stack, document, current, schema.unevaluatedProperties, 'unevaluatedProperties');
  }
}

function pushList(stack: SchemaPlace[], document: ApiDocument, parent: SchemaPlace, list: unknown, key: string): void {
  if (!Array.isArray(list)) return;
  for (let index = 0; index < list.length; index++) {
    const resolved = placeBelow(document, parent, list[index], key, index);
    if (resolved) stack.push(resolved);
  }
}

function pushSingle(stack: SchemaPlace[], document: ApiDocument, parent: SchemaPlace, value: unknown, key: string): void {
  if (!isObject(value)) return;
  const resolved = placeBelow(document, parent, value, key, undefined);
  if (resolved) stack.push(resolved);
}

/** A subschema's place: its $ref target's own, or (inline) the parent's plus one or two segments. */
function placeBelow(document: ApiDocument, parent: SchemaPlace, value: unknown, first: string | number, second: string | number | undefined): SchemaPlace | undefined {
  if (isRefObject(value)) {
    const target = document.resolveRef(parent.source, value.$ref);
    return target && isObject(target.value) ? SchemaPlace.target(target.value, target.source, target.pointer) : undefined;
  }
  return isObject(value) ? SchemaPlace.below(value, parent, first, second) : undefined;
}

/**
 * A schema met while descending, with its file known at once and its location made only when read:
 * most never are, and building each one (its pointer spelled out) was most of the descent's cost.
 */
class SchemaPlace implements Located {
  private made: NodeLocation | undefined;
  private constructor(
    readonly node: Json,
    readonly source: Source,
    made: NodeLocation | undefined,
    private readonly parent: SchemaPlace | undefined,
    private readonly first: string | number,
    private readonly second: string | number | undefined,
    private readonly pointer: string | undefined,
  ) {
    this.made = made;
  }

  static at(root: Located): SchemaPlace {
    return new SchemaPlace(root.node, root.location.source, root.location, undefined, '', undefined, undefined);
  }

  static target(node: Json, source: Source, pointer: string): SchemaPlace {
    return new SchemaPlace(node, source, undefined, undefined, '', undefined, pointer);
  }

  static below(node: Json, parent: SchemaPlace, first: string | number, second: string | number | undefined): SchemaPlace {
    return new SchemaPlace(node, parent.source, undefined, parent, first, second, undefined);
  }

  get location(): NodeLocation {
    if (this.made) return this.made;
    if (this.parent) {
      const below = this.parent.location.child(this.first);
      this.made = this.second === undefined ? below : below.child(this.second);
    } else {
      this.made = new NodeLocation(this.source, this.pointer!);
    }
    return this.made;
  }
}

/** Every operation of the document under `paths`, resolved, with its path item. */
export function* operationsOf(document: ApiDocument): Generator<{ method: string; path: string; operation: Located; pathItem: Located }> {
  const root = document.root.value as Json;
  if (!isObject(root.paths)) return;
  const pathsLocation = new NodeLocation(document.root, '/paths');
  for (const [path, value] of Object.entries(root.paths)) {
    if (!path.startsWith('/')) continue;
    const pathItem = resolveAt(document, value, pathsLocation.child(path));
    if (!pathItem || !isObject(pathItem.node)) continue;
    for (const method of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) {
      const operation = resolveAt(document, pathItem.node[method], pathItem.location.child(method));
      if (operation && isObject(operation.node)) yield { method, path, operation: operation as Located, pathItem: pathItem as Located };
    }
  }
}

/** The path item an Operation visitor is inside. */
export function pathItemOf(ctx: VisitContext): Located | undefined {
  const ancestor = ctx.ancestors.at(-1);
  return ancestor && isObject(ancestor.node) ? { node: ancestor.node, location: ancestor.location } : undefined;
}

/** Splits a name into lower-case words: `createdAt`, `created_at`, `Created-At` → created, at. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** The name with separators and case removed: `created_at` and `createdAt` → `createdat`. */
export function squash(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}
