import type { Api, Operation, ParameterLocation } from '../spec/api.js';
import { isRefObject, type ApiDocument, type NodeAt } from '../spec/document.js';
import { getAtPointer, parsePointer } from '../spec/pointer.js';
import { isCreate, operationKey } from './operations.js';
import { evaluateLinkValue, type ExpressionInput } from './runtime-expression.js';
import type { ScanExchange } from './types.js';

/** One OpenAPI 3 Link Object: after `from` answers `status`, `to` can be called with these values. */
export interface OperationLink {
  name: string;
  from: Operation;
  /** The response key the link is written under: `201`, `2XX` or `default`. */
  status: string;
  to: Operation;
  parameters: { name: string; in?: ParameterLocation; value: unknown }[];
  /** Present when the link sets the target's request body. */
  requestBody?: { value: unknown };
}

/** Values a link produced for one identity: the consumer side of a stateful sequence. */
export interface LinkBinding {
  link: OperationLink;
  owner: string;
  path: Record<string, string>;
  query: Record<string, string>;
  header: Record<string, string>;
  body?: { value: unknown };
  /** The values name an object this scan created (the producer was a creation, or worked on one). */
  created: boolean;
  source: ScanExchange;
}

const LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];
type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads every `responses.*.links` entry of the document and resolves its target (`operationId`, or
 * an `operationRef` inside the loaded files). Links that cannot be resolved are returned as
 * problems for the summary, never thrown: a broken link only loses ordering, not the scan.
 */
export function readLinks(document: ApiDocument, api: Api): { links: OperationLink[]; problems: string[] } {
  const links: OperationLink[] = [];
  const problems: string[] = [];
  if (api.format === 'oas2') return { links, problems };
  const byId = new Map<string, Operation>();
  for (const operation of api.operations) if (operation.operationId) byId.set(operation.operationId, operation);
  const byOrigin = new Map<string, Operation>(api.operations.map((operation) => [`${operation.origin.source.uri}#${operation.origin.pointer}`, operation]));
  for (const from of api.operations) {
    for (const [status, response] of from.responses) {
      const { source, pointer } = response.origin;
      const raw = getAtPointer(source.value, parsePointer(pointer)).value;
      if (!isObject(raw) || !isObject(raw.links)) continue;
      for (const [name, value] of Object.entries(raw.links)) {
        const node = document.deref({ source, pointer: `${pointer}/links/${name}`, value });
        const where = `link ${name} of ${operationKey(from)} ${status}`;
        if (!isObject(node.value) || isRefObject(node.value)) {
          problems.push(`${where}: not a Link Object`);
          continue;
        }
        const to = target(node, document, byId, byOrigin);
        if (typeof to === 'string') {
          problems.push(`${where}: ${to}`);
          continue;
        }
        const parameters = isObject(node.value.parameters) ? Object.entries(node.value.parameters).map(([key, parameterValue]) => ({ ...parameterName(key, to), value: parameterValue })) : [];
        links.push({ name, from, status, to, parameters, requestBody: 'requestBody' in node.value ? { value: node.value.requestBody } : undefined });
      }
    }
  }
  return { links, problems };
}

function target(node: NodeAt, document: ApiDocument, byId: Map<string, Operation>, byOrigin: Map<string, Operation>): Operation | string {
  const link = node.value as Raw;
  if (typeof link.operationId === 'string') return byId.get(link.operationId) ?? `no operation has operationId "${link.operationId}"`;
  if (typeof link.operationRef === 'string') {
    const found = document.resolveRef(node.source, link.operationRef);
    const operation = found && byOrigin.get(`${found.source.uri}#${found.pointer}`);
    return operation ?? `operationRef "${link.operationRef}" names no operation in the loaded files`;
  }
  return 'needs operationId or operationRef';
}

/** `path.id` names the path parameter `id` (the spec's `[{in}.]{name}`), unless a parameter is literally named so. */
function parameterName(key: string, to: Operation): { name: string; in?: ParameterLocation } {
  if (to.parameters.some((parameter) => parameter.name === key)) return { name: key, in: to.parameters.find((parameter) => parameter.name === key)!.in };
  const dot = key.indexOf('.');
  const location = key.slice(0, dot) as ParameterLocation;
  if (dot > 0 && LOCATIONS.includes(location)) return { name: key.slice(dot + 1), in: location };
  return { name: key };
}

/** A link written under `status` applies to an exchange that answered `code` (`2XX` ranges; `default` for 2xx only). */
export function linkApplies(status: string, code: number, documented: Iterable<string>): boolean {
  if (code < 200 || code >= 300) return false;
  if (status === String(code)) return true;
  if (status === `${String(code)[0]}XX`) return ![...documented].includes(String(code));
  if (status === 'DEFAULT') {
    const listed = new Set(documented);
    return !listed.has(String(code)) && !listed.has(`${String(code)[0]}XX`);
  }
  return false;
}

/**
 * Link values learned during the scan, per target operation and identity. The scanner's own
 * successful requests are the producers; probes and the explorer ask for a target's values.
 */
export class LinkBindings {
  private readonly byProducer = new Map<Operation, OperationLink[]>();
  private readonly byTarget = new Map<Operation, LinkBinding[]>();
  /** Why a link could not be followed from an exchange, once per link and reason. */
  readonly problems = new Set<string>();

  constructor(readonly links: readonly OperationLink[] = []) {
    for (const link of links) {
      const list = this.byProducer.get(link.from) ?? [];
      list.push(link);
      this.byProducer.set(link.from, list);
    }
  }

  /** How many link values were learned (all targets, all identities). */
  get learned(): number {
    let count = 0;
    for (const list of this.byTarget.values()) count += list.length;
    return count;
  }

  /** Operations some link fills values for. */
  isTarget(operation: Operation): boolean {
    return this.links.some((link) => link.to === operation);
  }

  /** Producers first: an operation's depth is one more than that of the deepest operation linking to it. */
  order(operations: readonly Operation[]): Operation[] {
    const depth = new Map<Operation, number>();
    const visiting = new Set<Operation>();
    const depthOf = (operation: Operation): number => {
      const known = depth.get(operation);
      if (known !== undefined) return known;
      if (visiting.has(operation)) return 0;
      visiting.add(operation);
      const producers = this.links.filter((link) => link.to === operation && link.from !== operation).map((link) => link.from);
      const value = producers.length === 0 ? 0 : 1 + Math.max(...producers.map(depthOf));
      visiting.delete(operation);
      depth.set(operation, value);
      return value;
    };
    return operations.map((operation, index) => ({ operation, index, depth: depthOf(operation) })).sort((a, b) => a.depth - b.depth || a.index - b.index).map((entry) => entry.operation);
  }

  /**
   * Follows every link of `operation` that applies to this exchange's status. `requestCreated`: the
   * request itself named objects the scan created. A value counts as scan-created when it comes
   * from the answer of a creation, or from a request about scan-created objects; a binding is
   * created only when all its values are, so writes never reach objects the scan did not make.
   */
  learn(exchange: ScanExchange, operation: Operation, owner: string, pathValues: Record<string, string>, requestCreated: boolean): void {
    const links = this.byProducer.get(operation);
    const response = exchange.response;
    if (!links || !response) return;
    const url = new URL(exchange.request.url);
    const input: ExpressionInput = {
      url: exchange.request.url,
      method: exchange.request.method,
      statusCode: response.status,
      request: { path: pathValues, query: url.searchParams, headers: exchange.request.headers, body: exchange.request.body, json: parseJson(exchange.request.body) },
      response: { headers: response.headers, body: response.body, json: response.json },
    };
    for (const link of links) {
      if (!linkApplies(link.status, response.status, operation.responses.keys())) continue;
      // Path values name the object; a constant query flag (verbose=true) does not make it someone else's.
      const naming = link.parameters.filter((parameter) => locationOf(parameter, link) === 'path');
      const created = (naming.length > 0 ? naming : link.parameters).every((parameter) => valueCreated(parameter.value, isCreate(operation), requestCreated));
      const binding: LinkBinding = { link, owner, path: {}, query: {}, header: {}, created: link.parameters.length > 0 && created, source: exchange };
      let followed = true;
      for (const parameter of link.parameters) {
        const value = evaluateLinkValue(parameter.value, input);
        if (!value.ok) {
          this.problems.add(`link ${link.name} (${operationKey(link.from)} → ${operationKey(link.to)}): ${value.error}`);
          followed = false;
          break;
        }
        const location = locationOf(parameter, link);
        const text = typeof value.value === 'string' ? value.value : JSON.stringify(value.value);
        if (location === 'path') binding.path[parameter.name] = text;
        else if (location === 'query') binding.query[parameter.name] = text;
        else binding.header[location === 'cookie' ? 'Cookie' : parameter.name] = location === 'cookie' ? `${parameter.name}=${text}` : text;
      }
      if (followed && link.requestBody) {
        const body = evaluateLinkValue(link.requestBody.value, input);
        if (body.ok) binding.body = { value: body.value };
        else {
          this.problems.add(`link ${link.name} (${operationKey(link.from)} → ${operationKey(link.to)}): ${body.error}`);
          followed = false;
        }
      }
      if (!followed) continue;
      const list = this.byTarget.get(link.to) ?? [];
      if (!list.some((known) => known.owner === owner && sameValues(known, binding))) list.push(binding);
      this.byTarget.set(link.to, list);
    }
  }

  /** Objects the scan created that a link says how to delete (the link's target is a DELETE), newest first. */
  removals(): LinkBinding[] {
    const found: LinkBinding[] = [];
    for (const [operation, list] of this.byTarget) if (operation.method === 'delete') found.push(...list.filter((binding) => binding.created));
    return found.sort((a, b) => b.source.id - a.source.id);
  }

  /** What links produced for `operation` as `owner`: objects the scan created first, then in the order learned. */
  bindings(operation: Operation, owner: string): LinkBinding[] {
    return (this.byTarget.get(operation) ?? []).filter((binding) => binding.owner === owner).sort((a, b) => Number(b.created) - Number(a.created));
  }
}

function locationOf(parameter: OperationLink['parameters'][number], link: OperationLink): ParameterLocation {
  return parameter.in ?? link.to.parameters.find((candidate) => candidate.name === parameter.name)?.in ?? 'path';
}

/** Where a link value comes from decides whether it names a scan-created object; constants never do. */
export function valueCreated(value: unknown, producerCreates: boolean, requestCreated: boolean): boolean {
  if (typeof value !== 'string') return false;
  const sources = [...value.matchAll(/\$(request|response|url|method|statusCode)\b/g)].map((match) => match[1]);
  if (sources.length === 0) return false;
  return sources.every((source) => (source === 'response' ? producerCreates : requestCreated));
}

function sameValues(a: LinkBinding, b: LinkBinding): boolean {
  return JSON.stringify([a.path, a.query, a.header, a.body]) === JSON.stringify([b.path, b.query, b.header, b.body]);
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
