import { isRefObject, type ApiDocument, type NodeAt } from './document.js';
import { joinPointer } from './pointer.js';
import type { Source } from './source.js';
import type { SpecFormat } from './version.js';

/**
 * The normalised model of a Document that every later stage reads. Swagger 2.0, OpenAPI 3.0 and
 * 3.1 map to the same shapes, so that a 2.0 document and its 3.x translation compare equal.
 */

/** Where a model node was written: the file and the JSON pointer in it (after following $refs). */
export interface Origin {
  source: Source;
  pointer: string;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Api {
  format: SpecFormat;
  title?: string;
  version?: string;
  infoOrigin: Origin;
  servers: Server[];
  /** Global security; undefined when the document declares none. */
  security?: SecurityRequirement[];
  securityOrigin?: Origin;
  securitySchemes: Map<string, SecurityScheme>;
  operations: Operation[];
  /** OpenAPI 3.1 `webhooks`: one operation per (name, method); `path` is the webhook name. */
  webhooks: Operation[];
  /** Named schemas: `definitions` (2.0) or `components.schemas` (3.x). */
  schemas: Map<string, Schema>;
}

export interface Server {
  url: string;
  origin: Origin;
}

export interface Operation {
  method: HttpMethod;
  /** The path template as written (`/users/{userId}`). */
  path: string;
  /** The template with parameter names erased (`/users/{}`), so renamed path parameters still match. */
  pathShape: string;
  operationId?: string;
  tags: string[];
  summary?: string;
  description?: string;
  /** Path-level parameters merged in; operation-level ones override by (name, in). Body/formData excluded. */
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: Map<string, Response>;
  /** Effective security after global/local resolution; `[]` means none (anonymous). */
  security: SecurityRequirement[];
  /** The operation declares `security` itself (possibly `[]`), rather than inheriting the global one. */
  securityDeclared: boolean;
  deprecated: boolean;
  /** From `x-sunset`, or a documented `Sunset` response header's example/default. */
  sunset?: string;
  servers: Server[];
  origin: Origin;
}

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  deprecated: boolean;
  /**
   * How values are written on the wire: the 3.x `style` and `explode` with their defaults filled in
   * (2.0 `collectionFormat` mapped to them; `tsvDelimited` has no 3.x name).
   */
  style: string;
  explode: boolean;
  schema: Schema;
  origin: Origin;
}

export interface RequestBody {
  required: boolean;
  content: Map<string, MediaType>;
  origin: Origin;
}

export interface MediaType {
  mediaType: string;
  schema?: Schema;
  origin: Origin;
}

export interface Response {
  status: string;
  description?: string;
  content: Map<string, MediaType>;
  headers: Map<string, Header>;
  origin: Origin;
}

export interface Header {
  name: string;
  required: boolean;
  deprecated: boolean;
  schema: Schema;
  origin: Origin;
}

/** One alternative of a security requirement: scheme name → scopes; all schemes of it apply together. */
export type SecurityRequirement = Map<string, string[]>;

export interface SecurityScheme {
  name: string;
  /** 2.0 `basic` becomes `http` with scheme `basic`. */
  type: string;
  scheme?: string;
  in?: string;
  parameterName?: string;
  /** OAuth2 flows by 3.x name (2.0 `application` → `clientCredentials`, `accessCode` → `authorizationCode`). */
  flows: Map<string, OAuthFlow>;
  origin: Origin;
}

export interface OAuthFlow {
  scopes: string[];
  authorizationUrl?: string;
  tokenUrl?: string;
}

export interface Discriminator {
  propertyName: string;
  /** Tag value → the schema's name (last segment of the `$ref` or name written), so moving files changes nothing. */
  mapping: Map<string, string>;
}

export interface Bound {
  value: number;
  exclusive: boolean;
}

/**
 * A schema normalised for comparison: `nullable`, `x-nullable` and `type: [x, 'null']` all become
 * `nullable`; `allOf` members are merged into the schema; `const` is kept beside `enum`; 3.0
 * boolean `exclusiveMinimum` becomes an exclusive bound. Recursive schemas are cyclic object graphs.
 */
export interface Schema {
  origin: Origin;
  /** Allowed types without `null`; undefined means any type. `false` schemas have an empty set. */
  types?: Set<string>;
  nullable: boolean;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  /** `x-extensible-enum`: the enum may grow, so clients must accept unknown values. */
  extensibleEnum: boolean;
  hasConst: boolean;
  const?: unknown;
  minimum?: Bound;
  maximum?: Bound;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  multipleOf?: number;
  uniqueItems: boolean;
  properties: Map<string, Schema>;
  required: Set<string>;
  /** undefined: not stated (open). */
  additionalProperties?: boolean | Schema;
  unevaluatedProperties?: boolean | Schema;
  items?: Schema;
  prefixItems?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  discriminator?: Discriminator;
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  hasDefault: boolean;
  default?: unknown;
  /**
   * JSON Schema keywords the model does not interpret (UNMODELLED_KEYWORDS), each as the canonical
   * JSON of its value with $refs resolved, so a diff can tell that one changed without judging how.
   * undefined when the schema has none (almost always).
   */
  unmodelled?: Map<string, string>;
}

/**
 * Keywords kept only as canonical text: mostly 2020-12 (OpenAPI 3.1) applicators and annotations
 * whose effect on clients depends on the values themselves.
 */
/** Nodes one unmodelled keyword's canonical text may inline before $refs are written by name. */
const CANONICAL_NODE_BUDGET = 20_000;

export const UNMODELLED_KEYWORDS = [
  'not',
  'if',
  'then',
  'else',
  'contains',
  'minContains',
  'maxContains',
  'dependentRequired',
  'dependentSchemas',
  'patternProperties',
  'propertyNames',
  'unevaluatedItems',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
] as const;

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** Builds the normalised model. Pure: reads the document, never changes it. */
export function buildApi(document: ApiDocument): Api {
  return new ApiBuilder(document).build();
}

class ApiBuilder {
  private readonly schemas = new Map<object, Schema>();
  private readonly merging = new Set<object>();
  /** Canonical texts of written values that hold no cycle (those depend on where the walk entered). */
  private readonly canonicalTexts = new Map<object, string>();
  private cycleMarks = 0;
  private readonly refs = new Map<Source, Map<string, NodeAt>>();
  private readonly oas2: boolean;

  constructor(private readonly document: ApiDocument) {
    this.oas2 = document.version.format === 'oas2';
  }

  build(): Api {
    const root = this.node(this.document.root, '', this.document.root.value);
    const raw = isObject(root.value) ? root.value : {};
    const info = isObject(raw.info) ? raw.info : {};
    const schemas = new Map<string, Schema>();
    const schemaHolder = this.oas2 ? this.child(root, 'definitions') : this.child(this.child(root, 'components'), 'schemas');
    for (const [name, node] of this.entries(schemaHolder)) schemas.set(name, this.schema(node));

    const globalSecurity = Array.isArray(raw.security) ? this.securityRequirements(raw.security) : undefined;
    const servers = this.servers(root);
    const api: Api = {
      format: this.document.version.format,
      title: str(info.title),
      version: info.version === undefined ? undefined : String(info.version),
      infoOrigin: this.origin(this.child(root, 'info')),
      servers,
      security: globalSecurity,
      securityOrigin: globalSecurity ? this.origin(this.child(root, 'security')) : undefined,
      securitySchemes: this.securitySchemes(root),
      operations: [],
      webhooks: [],
      schemas,
    };
    for (const [path, item] of this.entries(this.child(root, 'paths'))) {
      if (!path.startsWith('/')) continue;
      api.operations.push(...this.pathItem(path, item, root, globalSecurity, servers));
    }
    for (const [name, item] of this.entries(this.child(root, 'webhooks'))) {
      api.webhooks.push(...this.pathItem(name, item, root, globalSecurity, servers));
    }
    return api;
  }

  // ---- navigation -------------------------------------------------------------------------

  private node(source: Source, pointer: string, value: unknown): NodeAt {
    return { source, pointer, value };
  }

  /** Child `key` of a node, following a $ref at the child. */
  private child(parent: NodeAt, key: string | number): NodeAt {
    const value = isObject(parent.value) || Array.isArray(parent.value) ? (parent.value as Raw)[key as string] : undefined;
    const pointer = typeof key === 'number' || (key.indexOf('/') === -1 && key.indexOf('~') === -1) ? `${parent.pointer}/${key}` : joinPointer(parent.pointer, key);
    const node = { source: parent.source, pointer, value };
    return isRefObject(value) ? this.deref(node, value.$ref) : node;
  }

  /** Resolving the same `$ref` text from the same file gives the same node: resolve it once. */
  private deref(node: NodeAt, ref: string): NodeAt {
    let bySource = this.refs.get(node.source);
    if (!bySource) this.refs.set(node.source, (bySource = new Map()));
    const known = bySource.get(ref);
    if (known) return known;
    const target = this.document.resolveRef(node.source, ref) ?? node;
    bySource.set(ref, target);
    return target;
  }

  private entries(holder: NodeAt): [string, NodeAt][] {
    if (!isObject(holder.value)) return [];
    return Object.keys(holder.value).map((key) => [key, this.child(holder, key)]);
  }

  private items(holder: NodeAt): NodeAt[] {
    if (!Array.isArray(holder.value)) return [];
    return holder.value.map((_, index) => this.child(holder, index));
  }

  private origin(node: NodeAt): Origin {
    return { source: node.source, pointer: node.pointer };
  }

  // ---- operations -------------------------------------------------------------------------

  private pathItem(path: string, item: NodeAt, root: NodeAt, globalSecurity: SecurityRequirement[] | undefined, rootServers: Server[]): Operation[] {
    if (!isObject(item.value)) return [];
    const shared = this.parameterList(this.child(item, 'parameters'));
    const pathServers = this.servers(item);
    const operations: Operation[] = [];
    for (const method of HTTP_METHODS) {
      const opNode = this.child(item, method);
      if (!isObject(opNode.value)) continue;
      const op = opNode.value;
      const own = this.parameterList(this.child(opNode, 'parameters'));
      const merged = new Map<string, NodeAt>();
      for (const parameter of [...shared, ...own]) {
        const value = parameter.value as Raw;
        merged.set(`${String(value.in)}\u0000${String(value.name)}`, parameter);
      }
      const all = [...merged.values()];
      const parameters = all.filter((p) => !['body', 'formData'].includes(String((p.value as Raw).in))).map((p) => this.parameter(p));
      const securityDeclared = Array.isArray(op.security);
      const responses = this.responses(this.child(opNode, 'responses'), root, op);
      const opServers = this.servers(opNode);
      operations.push({
        method,
        path,
        pathShape: path.replace(/\{[^}]*\}/g, '{}'),
        operationId: str(op.operationId),
        tags: Array.isArray(op.tags) ? op.tags.filter((tag): tag is string => typeof tag === 'string') : [],
        summary: str(op.summary),
        description: str(op.description),
        parameters,
        requestBody: this.oas2 ? this.oas2RequestBody(all, root, op) : this.requestBody(this.child(opNode, 'requestBody')),
        responses,
        security: securityDeclared ? this.securityRequirements(op.security as unknown[]) : globalSecurity ?? [],
        securityDeclared,
        deprecated: op.deprecated === true,
        sunset: sunsetOf(op, responses),
        servers: opServers.length > 0 ? opServers : pathServers.length > 0 ? pathServers : rootServers,
        origin: this.origin(opNode),
      });
    }
    return operations;
  }

  private parameterList(list: NodeAt): NodeAt[] {
    return this.items(list).filter((p) => isObject(p.value) && typeof (p.value as Raw).name === 'string' && typeof (p.value as Raw).in === 'string');
  }

  private parameter(node: NodeAt): Parameter {
    const raw = node.value as Raw;
    return {
      name: raw.name as string,
      in: raw.in as ParameterLocation,
      required: raw.required === true || raw.in === 'path',
      deprecated: raw.deprecated === true,
      ...serialization(raw, this.oas2),
      // 2.0 parameters carry their schema keywords themselves.
      schema: this.oas2 ? this.schema(node) : this.contentSchema(node),
      origin: this.origin(node),
    };
  }

  /** A 3.x parameter or header: `schema`, or the schema of its single `content` entry. */
  private contentSchema(node: NodeAt): Schema {
    const raw = node.value as Raw;
    if (raw.schema !== undefined) return this.schema(this.child(node, 'schema'));
    const first = this.entries(this.child(node, 'content'))[0];
    if (first) return this.schema(this.child(first[1], 'schema'));
    return anySchema(this.origin(node));
  }

  private requestBody(node: NodeAt): RequestBody | undefined {
    if (!isObject(node.value)) return undefined;
    return { required: node.value.required === true, content: this.content(this.child(node, 'content')), origin: this.origin(node) };
  }

  private content(holder: NodeAt): Map<string, MediaType> {
    const content = new Map<string, MediaType>();
    for (const [mediaType, node] of this.entries(holder)) {
      const schema = isObject(node.value) && node.value.schema !== undefined ? this.schema(this.child(node, 'schema')) : undefined;
      content.set(mediaType, { mediaType, schema, origin: this.origin(node) });
    }
    return content;
  }

  /** 2.0: a `body` parameter, or the `formData` parameters as one object, for each `consumes` type. */
  private oas2RequestBody(parameters: NodeAt[], root: NodeAt, op: Raw): RequestBody | undefined {
    const consumes = mediaTypes(op.consumes) ?? mediaTypes((root.value as Raw).consumes);
    const body = parameters.find((p) => (p.value as Raw).in === 'body');
    if (body) {
      const schema = this.schema(this.child(body, 'schema'));
      const content = new Map<string, MediaType>();
      for (const mediaType of consumes ?? ['application/json']) content.set(mediaType, { mediaType, schema, origin: this.origin(body) });
      return { required: (body.value as Raw).required === true, content, origin: this.origin(body) };
    }
    const fields = parameters.filter((p) => (p.value as Raw).in === 'formData');
    if (fields.length === 0) return undefined;
    const origin = this.origin(fields[0]!);
    const schema = anySchema(origin);
    schema.types = new Set(['object']);
    for (const field of fields) {
      const raw = field.value as Raw;
      schema.properties.set(raw.name as string, this.schema(field));
      if (raw.required === true) schema.required.add(raw.name as string);
    }
    const hasFile = fields.some((field) => (field.value as Raw).type === 'file');
    const content = new Map<string, MediaType>();
    for (const mediaType of consumes ?? [hasFile ? 'multipart/form-data' : 'application/x-www-form-urlencoded']) content.set(mediaType, { mediaType, schema, origin });
    return { required: fields.some((field) => (field.value as Raw).required === true), content, origin };
  }

  private responses(holder: NodeAt, root: NodeAt, op: Raw): Map<string, Response> {
    const responses = new Map<string, Response>();
    const produces = this.oas2 ? mediaTypes(op.produces) ?? mediaTypes((root.value as Raw).produces) ?? ['application/json'] : [];
    for (const [status, node] of this.entries(holder)) {
      if (!isObject(node.value) || status.startsWith('x-')) continue;
      const raw = node.value;
      let content: Map<string, MediaType>;
      if (this.oas2) {
        content = new Map();
        if (raw.schema !== undefined) {
          const schemaNode = this.child(node, 'schema');
          const schema = this.schema(schemaNode);
          for (const mediaType of produces) content.set(mediaType, { mediaType, schema, origin: this.origin(schemaNode) });
        }
      } else {
        content = this.content(this.child(node, 'content'));
      }
      const headers = new Map<string, Header>();
      for (const [name, header] of this.entries(this.child(node, 'headers'))) {
        if (!isObject(header.value)) continue;
        headers.set(name, {
          name,
          required: header.value.required === true,
          deprecated: header.value.deprecated === true,
          schema: this.oas2 ? this.schema(header) : this.contentSchema(header),
          origin: this.origin(header),
        });
      }
      responses.set(status.toUpperCase(), { status: status.toUpperCase(), description: str(raw.description), content, headers, origin: this.origin(node) });
    }
    return responses;
  }

  // ---- servers and security ---------------------------------------------------------------

  private servers(holder: NodeAt): Server[] {
    if (this.oas2) {
      const raw = holder.value as Raw;
      if (holder.pointer !== '' || typeof raw.host !== 'string') return [];
      const schemes = Array.isArray(raw.schemes) && raw.schemes.length > 0 ? raw.schemes.map(String) : ['https'];
      const basePath = typeof raw.basePath === 'string' ? raw.basePath : '';
      return schemes.map((scheme) => ({ url: `${scheme}://${raw.host}${basePath}`, origin: this.origin(this.child(holder, 'host')) }));
    }
    return this.items(this.child(holder, 'servers'))
      .filter((server) => isObject(server.value) && typeof server.value.url === 'string')
      .map((server) => ({ url: (server.value as Raw).url as string, origin: this.origin(server) }));
  }

  private securityRequirements(list: unknown[]): SecurityRequirement[] {
    return list.filter(isObject).map((requirement) => {
      const map: SecurityRequirement = new Map();
      for (const [name, scopes] of Object.entries(requirement)) map.set(name, Array.isArray(scopes) ? scopes.map(String) : []);
      return map;
    });
  }

  private securitySchemes(root: NodeAt): Map<string, SecurityScheme> {
    const holder = this.oas2 ? this.child(root, 'securityDefinitions') : this.child(this.child(root, 'components'), 'securitySchemes');
    const schemes = new Map<string, SecurityScheme>();
    for (const [name, node] of this.entries(holder)) {
      if (!isObject(node.value)) continue;
      const raw = node.value;
      const flows = new Map<string, OAuthFlow>();
      const flowOf = (value: Raw): OAuthFlow => ({ scopes: isObject(value.scopes) ? Object.keys(value.scopes) : [], authorizationUrl: str(value.authorizationUrl), tokenUrl: str(value.tokenUrl) });
      if (this.oas2 && raw.type === 'oauth2') {
        const flow = { implicit: 'implicit', password: 'password', application: 'clientCredentials', accessCode: 'authorizationCode' }[String(raw.flow)] ?? String(raw.flow);
        flows.set(flow, flowOf(raw));
      } else if (isObject(raw.flows)) {
        for (const [flow, value] of Object.entries(raw.flows)) {
          if (isObject(value)) flows.set(flow, flowOf(value));
        }
      }
      const basic = this.oas2 && raw.type === 'basic';
      schemes.set(name, {
        name,
        type: basic ? 'http' : String(raw.type),
        scheme: basic ? 'basic' : str(raw.scheme)?.toLowerCase(),
        in: str(raw.in),
        parameterName: str(raw.name),
        flows,
        origin: this.origin(node),
      });
    }
    return schemes;
  }

  // ---- schemas ----------------------------------------------------------------------------

  /** The normalised schema at a node (already dereferenced), memoised per written object: cycles stay cycles. */
  schema(node: NodeAt): Schema {
    const value = node.value;
    if (typeof value === 'boolean') {
      const schema = anySchema(this.origin(node));
      if (!value) schema.types = new Set();
      return schema;
    }
    if (!isObject(value) || isRefObject(value)) return anySchema(this.origin(node));
    const known = this.schemas.get(value);
    if (known) return known;
    const schema = anySchema(this.origin(node));
    this.schemas.set(value, schema);
    this.fill(schema, node, value);
    return schema;
  }

  private fill(schema: Schema, node: NodeAt, raw: Raw): void {
    const type = raw.type;
    const types = Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : undefined;
    if (types) {
      schema.nullable = types.includes('null');
      // 2.0 `file` is binary content.
      schema.types = new Set(types.filter((t) => t !== 'null').map((t) => (t === 'file' ? 'string' : t)));
      if (types.includes('file')) schema.format = 'binary';
    }
    if (raw.nullable === true || raw['x-nullable'] === true) schema.nullable = true;
    schema.format = str(raw.format) ?? schema.format;
    schema.pattern = str(raw.pattern);
    if (Array.isArray(raw.enum)) {
      schema.enum = raw.enum.filter((v) => v !== null);
      if (raw.enum.includes(null)) schema.nullable = true;
    }
    schema.extensibleEnum = Array.isArray(raw['x-extensible-enum']);
    if (schema.extensibleEnum && !schema.enum) schema.enum = raw['x-extensible-enum'] as unknown[];
    if ('const' in raw) {
      schema.hasConst = true;
      schema.const = raw.const;
    }
    schema.minimum = bound(raw.minimum, raw.exclusiveMinimum);
    schema.maximum = bound(raw.maximum, raw.exclusiveMaximum);
    schema.minLength = num(raw.minLength);
    schema.maxLength = num(raw.maxLength);
    schema.minItems = num(raw.minItems);
    schema.maxItems = num(raw.maxItems);
    schema.minProperties = num(raw.minProperties);
    schema.maxProperties = num(raw.maxProperties);
    schema.multipleOf = num(raw.multipleOf);
    schema.uniqueItems = raw.uniqueItems === true;
    schema.readOnly = raw.readOnly === true;
    schema.writeOnly = raw.writeOnly === true;
    schema.deprecated = raw.deprecated === true;
    if ('default' in raw) {
      schema.hasDefault = true;
      schema.default = raw.default;
    }
    if (Array.isArray(raw.required)) for (const name of raw.required) if (typeof name === 'string') schema.required.add(name);
    for (const [name, child] of this.entries(this.child(node, 'properties'))) schema.properties.set(name, this.schema(child));
    if (typeof raw.additionalProperties === 'boolean') schema.additionalProperties = raw.additionalProperties;
    else if (raw.additionalProperties !== undefined) schema.additionalProperties = this.schema(this.child(node, 'additionalProperties'));
    if (typeof raw.unevaluatedProperties === 'boolean') schema.unevaluatedProperties = raw.unevaluatedProperties;
    else if (raw.unevaluatedProperties !== undefined) schema.unevaluatedProperties = this.schema(this.child(node, 'unevaluatedProperties'));
    if (Array.isArray(raw.prefixItems)) schema.prefixItems = this.items(this.child(node, 'prefixItems')).map((item) => this.schema(item));
    if (raw.items !== undefined) {
      // 2019 and earlier tuple form `items: [..]` is the same as 2020-12 `prefixItems`.
      if (Array.isArray(raw.items)) schema.prefixItems = this.items(this.child(node, 'items')).map((item) => this.schema(item));
      else schema.items = this.schema(this.child(node, 'items'));
    }
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      if (!Array.isArray(raw[keyword])) continue;
      const items = this.items(this.child(node, keyword));
      // `oneOf: [X, {type: 'null'}]` is how 3.1 writes 3.0's nullable X: the same schema, so the same model.
      const variants = items.filter((item) => !isNullOnly(item.value));
      if (variants.length === items.length) schema[keyword] = items.map((item) => this.schema(item));
      else if (variants.length === 0) schema.types ??= new Set(); // null and nothing else
      else if (variants.length === 1) this.mergeMember(schema, variants[0]!);
      else schema[keyword] = variants.map((item) => this.schema(item));
      if (variants.length < items.length) schema.nullable = true;
    }
    schema.discriminator = discriminatorOf(raw.discriminator);
    for (const keyword of UNMODELLED_KEYWORDS) {
      if (raw[keyword] !== undefined) (schema.unmodelled ??= new Map()).set(keyword, this.canonical(this.child(node, keyword), [], { nodes: CANONICAL_NODE_BUDGET }));
    }
    if (Array.isArray(raw.allOf)) this.mergeAllOf(schema, node, types !== undefined);
  }

  /**
   * JSON text of a value with every $ref replaced by its target and object keys sorted, so moving a
   * schema, reordering keys or YAML ↔ JSON leave it unchanged. A $ref back into a value being
   * written becomes `{"$cycle":n}`, n levels up. Schemas that refer to each other can make the
   * inlined text grow exponentially: past `budget` nodes, a $ref is written as its target's name.
   */
  private canonical(node: NodeAt, open: object[], budget: { nodes: number }): string {
    const value = node.value;
    if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
    const known = this.canonicalTexts.get(value);
    if (known !== undefined) return known;
    const index = open.indexOf(value);
    if (index !== -1) {
      this.cycleMarks++;
      return `{"$cycle":${open.length - index}}`;
    }
    budget.nodes--;
    const marksBefore = this.cycleMarks;
    const part = (key: string | number): string => {
      const written = (value as Raw)[key as string];
      if (budget.nodes <= 0 && isRefObject(written)) {
        this.cycleMarks++; // depends on where the budget ran out: not reusable elsewhere
        return `{"$ref":${JSON.stringify(written.$ref.slice(written.$ref.lastIndexOf('/') + 1))}}`;
      }
      return this.canonical(this.child(node, key), open, budget);
    };
    open.push(value);
    const text = Array.isArray(value)
      ? `[${value.map((_, i) => part(i)).join(',')}]`
      : `{${Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${part(key)}`)
          .join(',')}}`;
    open.pop();
    if (this.cycleMarks === marksBefore) this.canonicalTexts.set(value, text);
    return text;
  }

  /** `allOf` members are merged in, so `allOf: [$ref]` and the inline schema compare equal. */
  private mergeAllOf(schema: Schema, node: NodeAt, ownTypes: boolean): void {
    const ownNullable = schema.nullable;
    const members = this.items(this.child(node, 'allOf'));
    let allNullable = members.length > 0;
    for (const member of members) {
      const part = this.mergeMember(schema, member);
      allNullable &&= part?.nullable ?? true;
    }
    // `nullable` beside `allOf` (3.0) applies to the composition; otherwise null passes only if every member allows it.
    schema.nullable = ownNullable || (!ownTypes && allNullable);
  }

  /** Merges one member of a composition into `schema`; a cycle back to a member being merged is merged once. */
  private mergeMember(schema: Schema, member: NodeAt): Schema | undefined {
    if (isObject(member.value) && this.merging.has(member.value)) return undefined;
    if (isObject(member.value)) this.merging.add(member.value);
    const part = this.schema(member);
    if (isObject(member.value)) this.merging.delete(member.value);
    mergeInto(schema, part);
    return part;
  }
}

/** `{type: 'null'}` with nothing else that constrains: the null alternative of a oneOf/anyOf. */
function isNullOnly(value: unknown): boolean {
  if (!isObject(value)) return false;
  const type = value.type;
  const onlyNull = type === 'null' || (Array.isArray(type) && type.length === 1 && type[0] === 'null');
  return onlyNull && Object.keys(value).every((key) => key === 'type' || key === 'title' || key === 'description');
}

/** A schema that says nothing (any value): every field present from the start, one stable object shape keeps property access fast. */
export function anySchema(origin: Origin): Schema {
  return {
    origin,
    types: undefined,
    nullable: false,
    format: undefined,
    pattern: undefined,
    enum: undefined,
    extensibleEnum: false,
    hasConst: false,
    const: undefined,
    minimum: undefined,
    maximum: undefined,
    minLength: undefined,
    maxLength: undefined,
    minItems: undefined,
    maxItems: undefined,
    minProperties: undefined,
    maxProperties: undefined,
    multipleOf: undefined,
    uniqueItems: false,
    properties: new Map(),
    required: new Set(),
    additionalProperties: undefined,
    unevaluatedProperties: undefined,
    items: undefined,
    prefixItems: undefined,
    oneOf: undefined,
    anyOf: undefined,
    discriminator: undefined,
    readOnly: false,
    writeOnly: false,
    deprecated: false,
    hasDefault: false,
    default: undefined,
    unmodelled: undefined,
  };
}

function mergeInto(target: Schema, part: Schema): void {
  if (part.types) target.types = target.types ? new Set([...target.types].filter((t) => part.types!.has(t) || (t === 'integer' && part.types!.has('number')))) : new Set(part.types);
  target.format ??= part.format;
  target.pattern ??= part.pattern;
  if (part.enum) target.enum = target.enum ? target.enum.filter((v) => part.enum!.some((w) => JSON.stringify(w) === JSON.stringify(v))) : [...part.enum];
  target.extensibleEnum ||= part.extensibleEnum;
  if (part.hasConst && !target.hasConst) {
    target.hasConst = true;
    target.const = part.const;
  }
  target.minimum = tighter(target.minimum, part.minimum, 1);
  target.maximum = tighter(target.maximum, part.maximum, -1);
  target.minLength = maxOf(target.minLength, part.minLength);
  target.maxLength = minOf(target.maxLength, part.maxLength);
  target.minItems = maxOf(target.minItems, part.minItems);
  target.maxItems = minOf(target.maxItems, part.maxItems);
  target.minProperties = maxOf(target.minProperties, part.minProperties);
  target.maxProperties = minOf(target.maxProperties, part.maxProperties);
  target.multipleOf ??= part.multipleOf;
  target.uniqueItems ||= part.uniqueItems;
  for (const [name, property] of part.properties) if (!target.properties.has(name)) target.properties.set(name, property);
  for (const name of part.required) target.required.add(name);
  if (part.additionalProperties === false || target.additionalProperties === undefined) target.additionalProperties = part.additionalProperties ?? target.additionalProperties;
  if (part.unevaluatedProperties === false || target.unevaluatedProperties === undefined) target.unevaluatedProperties = part.unevaluatedProperties ?? target.unevaluatedProperties;
  target.items ??= part.items;
  target.prefixItems ??= part.prefixItems;
  target.oneOf ??= part.oneOf;
  target.anyOf ??= part.anyOf;
  target.discriminator ??= part.discriminator;
  target.readOnly ||= part.readOnly;
  target.writeOnly ||= part.writeOnly;
  target.deprecated ||= part.deprecated;
  if (part.hasDefault && !target.hasDefault) {
    target.hasDefault = true;
    target.default = part.default;
  }
  if (part.unmodelled) {
    target.unmodelled ??= new Map();
    for (const [keyword, text] of part.unmodelled) {
      const own = target.unmodelled.get(keyword);
      target.unmodelled.set(keyword, own === undefined ? text : allOfTexts(own, text));
    }
  }
}

/**
 * Two allOf members with the same keyword both apply: kept as the sorted set of their texts, so the
 * order of members does not count. Canonical JSON escapes control characters, so NUL separates safely.
 */
function allOfTexts(a: string, b: string): string {
  return [...new Set([...a.split('\u0000'), ...b.split('\u0000')])].sort().join('\u0000');
}

function bound(value: unknown, exclusive: unknown): Bound | undefined {
  if (typeof exclusive === 'number') return { value: exclusive, exclusive: true };
  const n = num(value);
  return n === undefined ? undefined : { value: n, exclusive: exclusive === true };
}

/** The stricter of two bounds; `direction` 1 for minimums (larger is stricter), -1 for maximums. */
function tighter(a: Bound | undefined, b: Bound | undefined, direction: 1 | -1): Bound | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.value === b.value) return a.exclusive ? a : b;
  return (a.value - b.value) * direction > 0 ? a : b;
}

const maxOf = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
const minOf = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

/** 3.x: `style`/`explode` with their defaults; 2.0: `collectionFormat` (default `csv`) in 3.x terms. */
function serialization(raw: Raw, oas2: boolean): { style: string; explode: boolean } {
  const location = String(raw.in);
  const simple = location === 'path' || location === 'header';
  if (oas2) {
    const format = str(raw.collectionFormat) ?? 'csv';
    if (format === 'multi') return { style: 'form', explode: true };
    if (format === 'ssv') return { style: 'spaceDelimited', explode: false };
    if (format === 'pipes') return { style: 'pipeDelimited', explode: false };
    if (format === 'tsv') return { style: 'tsvDelimited', explode: false };
    return { style: simple ? 'simple' : 'form', explode: false };
  }
  const style = str(raw.style) ?? (simple ? 'simple' : 'form');
  return { style, explode: typeof raw.explode === 'boolean' ? raw.explode : style === 'form' };
}

function discriminatorOf(value: unknown): Discriminator | undefined {
  if (!isObject(value) || typeof value.propertyName !== 'string') return undefined;
  const mapping = new Map<string, string>();
  if (isObject(value.mapping)) for (const [tag, target] of Object.entries(value.mapping)) if (typeof target === 'string') mapping.set(tag, target.slice(target.lastIndexOf('/') + 1));
  return { propertyName: value.propertyName, mapping };
}

function mediaTypes(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value.map(String) : undefined;
}

function sunsetOf(op: Raw, responses: Map<string, Response>): string | undefined {
  if (op['x-sunset'] !== undefined) return op['x-sunset'] instanceof Date ? op['x-sunset'].toISOString().slice(0, 10) : String(op['x-sunset']);
  for (const response of responses.values()) {
    for (const [name, header] of response.headers) {
      if (name.toLowerCase() !== 'sunset') continue;
      const example = header.schema.default ?? header.schema.const;
      if (typeof example === 'string') return example;
    }
  }
  return undefined;
}
