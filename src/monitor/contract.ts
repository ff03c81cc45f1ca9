import { declaredFields, documentedResponse } from '../discover/checks/check.js';
import { loadSpecModel, ResponseValidator, type SchemaErrors, type SpecModel, type SpecOperation } from '../discover/spec-model.js';
import { OperationMatcher } from '../traffic/operation-matcher.js';
import { splitPath } from '../traffic/path-templater.js';
import { decodeUriComponentSafely } from '../core/text.js';

/** A documented operation as the monitor needs it: matched once per request, schemas compiled once. */
export interface ContractOperation {
  /** `operationId`, or `METHOD /path` when the description has none: the metrics label. */
  id: string;
  method: string;
  path: string;
  /** `METHOD /path`: the operation key detectors and the store count by, built once. */
  key: string;
  deprecated: boolean;
  secured: boolean;
  spec: SpecOperation;
  /** The documented path split into segments (what the shared operation matcher compares). */
  segments: readonly string[];
  /** Index of each path parameter segment: name → position. */
  pathParams: [name: string, index: number][];
  /** Dotted response fields declared by any documented response (for undeclared sensitive data). */
  declaredResponseFields: Set<string>;
}

/** Answers "which operation is this request" and "does this body match its schema". */
export class Contract {
  private readonly matcher: OperationMatcher<ContractOperation>;
  private readonly validator = new ResponseValidator();
  readonly operations: ContractOperation[];

  constructor(readonly model: SpecModel) {
    const root = model.document.resolved() as { paths?: Record<string, Record<string, { operationId?: unknown }>> };
    this.operations = model.operations.map((spec) => {
      // The location pointer names the path as written, before the server base path was prefixed.
      const [, , rawPath] = spec.location.pointer.split('/');
      const written = rawPath?.replace(/~1/g, '/').replace(/~0/g, '~') ?? spec.path;
      const operationId = root.paths?.[written]?.[spec.method.toLowerCase()]?.operationId;
      const declared = new Set<string>();
      for (const response of Object.values(spec.responses)) for (const schema of Object.values(response)) declaredFields(schema, '', declared);
      return {
        id: typeof operationId === 'string' && operationId !== '' ? operationId : `${spec.method} ${spec.path}`,
        method: spec.method,
        path: spec.path,
        key: `${spec.method} ${spec.path}`,
        deprecated: spec.deprecated,
        secured: spec.secured,
        spec,
        segments: spec.segments,
        pathParams: spec.segments.flatMap((segment, index): [string, number][] => (segment.startsWith('{') && segment.endsWith('}') ? [[segment.slice(1, -1), index]] : [])),
        declaredResponseFields: declared,
      };
    });
    this.matcher = new OperationMatcher(this.operations);
  }

  static async load(file: string, cwd: string): Promise<Contract> {
    return new Contract(await loadSpecModel(file, cwd));
  }

  /** The operation for a request: literal segments must match; the most literal matches win (`/users/me` over `/users/{id}`). */
  match(method: string, pathname: string): { operation: ContractOperation; params: Record<string, string> } | undefined {
    const segments = splitPath(pathname);
    // A HEAD is answered by the GET operation (RFC 9110 §9.3.2).
    const best = this.matcher.match(method === 'HEAD' ? 'GET' : method, segments);
    if (!best) return undefined;
    const params: Record<string, string> = {};
    for (const [name, index] of best.pathParams) params[name] = decodeUriComponentSafely(segments[index]!);
    return { operation: best, params };
  }

  /**
   * Problems with a request: missing required query/header parameters, an undocumented media type,
   * every error of a body that does not match its schema (the first ten listed, all counted).
   * Messages never carry values.
   */
  validateRequest(operation: ContractOperation, url: URL, headers: Record<string, string>, body: { mediaType: string; value?: unknown; present: boolean; bytes?: number }): SchemaErrors {
    const messages: string[] = [];
    let uncounted = 0;
    for (const parameter of operation.spec.parameters) {
      if (!parameter.required) continue;
      if (parameter.in === 'query' && !url.searchParams.has(parameter.name)) messages.push(`missing required query parameter "${parameter.name}"`);
      if (parameter.in === 'header' && headers[parameter.name.toLowerCase()] === undefined) messages.push(`missing required header "${parameter.name}"`);
    }
    const documented = operation.spec.requestBody;
    if (documented) {
      if (!body.present) {
        if (documented.required) messages.push('missing required request body');
      } else if (body.mediaType && !(body.mediaType in documented.content) && !Object.keys(documented.content).some((type) => type.endsWith('/*') || type === '*/*')) {
        messages.push(`undocumented request media type ${body.mediaType}`);
      } else if (body.value !== undefined) {
        const errors = this.validator.validateAll(documented.content[body.mediaType], body.value, body.bytes);
        for (const message of errors.messages) messages.push(`request body ${message}`);
        uncounted = errors.total - errors.messages.length;
      }
    }
    return { messages, total: messages.length + uncounted };
  }

  /** Problems with a response: an undocumented status, or every error of a JSON body that does not match its schema (as for requests). */
  validateResponse(operation: ContractOperation, status: number, body: { mediaType: string; value?: unknown; bytes?: number }): SchemaErrors {
    const content = documentedResponse(operation.spec, String(status));
    if (!content) return { messages: [`undocumented status ${status}`], total: 1 };
    if (body.value === undefined) return { messages: [], total: 0 };
    const schema = content[body.mediaType] ?? content['application/json'];
    const errors = this.validator.validateAll(schema, body.value, body.bytes);
    return { messages: errors.messages.map((message) => `response body ${message}`), total: errors.total };
  }
}
