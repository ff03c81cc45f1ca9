import type { Operation } from '../spec/api.js';
import { resourceOfName, resourceOfPath } from './operations.js';
import type { ScanExchange } from './types.js';

export interface KnownResource {
  resource: string;
  id: string;
  /** The identity that created it or saw it in its own listing. */
  owner: string;
  /** Created by this scan: the scan may change it (PUT/PATCH) and, when allowed, delete it. */
  created: boolean;
  /** The exchange it was learned from: evidence for BOLA. */
  source: ScanExchange;
}

const LIST_KEYS = ['items', 'data', 'results', 'content', 'records', 'entries'];

/**
 * IDs learned during the scan, by resource name and owner: the producer side of stateful
 * sequences. Consumers ask by parameter or property name (`accountId`, or `{id}` under /accounts).
 */
export class ResourcePool {
  private readonly entries: KnownResource[] = [];

  all(): readonly KnownResource[] {
    return this.entries;
  }

  add(entry: KnownResource): void {
    if (!this.entries.some((known) => known.resource === entry.resource && known.id === entry.id && known.owner === entry.owner)) this.entries.push(entry);
  }

  /** IDs of `resource` owned by `owner`, created ones first. */
  owned(resource: string, owner: string): KnownResource[] {
    return this.entries.filter((entry) => entry.resource === resource && entry.owner === owner).sort((a, b) => Number(b.created) - Number(a.created));
  }

  /** A value for the parameter/property `name` (on `path`) that `owner` may use. */
  lookup(name: string, owner: string, path?: string): KnownResource | undefined {
    const resource = resourceOfName(name, path);
    return resource ? this.owned(resource, owner)[0] : undefined;
  }

  /** Every value for `name` (on `path`) that `owner` has seen: its own objects and those shared with it. */
  lookupAll(name: string, owner: string, path?: string): KnownResource[] {
    const resource = resourceOfName(name, path);
    return resource ? this.owned(resource, owner) : [];
  }

  /** Learns IDs from a successful response: a created object, a listing, a `Location` header, or `/me`. */
  learn(exchange: ScanExchange, operation: Operation, owner: string): void {
    const response = exchange.response;
    if (!response || response.status < 200 || response.status >= 300) return;
    const resource = resourceOfPath(operation.path);
    if (!resource) return;
    const created = operation.method === 'post';
    const idOf = (value: unknown): string | undefined => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
      const record = value as Record<string, unknown>;
      for (const key of ['id', `${resource}Id`, `${resource}_id`, '_id', 'uuid']) {
        const id = record[key];
        if (typeof id === 'string' || typeof id === 'number') return String(id);
      }
      return undefined;
    };
    const body = response.json;
    if (operation.method === 'get' && !/\}$/.test(operation.path)) {
      const list = Array.isArray(body) ? body : listIn(body);
      if (list) {
        for (const item of list.slice(0, 20)) {
          const id = idOf(item);
          if (id !== undefined) this.add({ resource, id, owner, created: false, source: exchange });
        }
        return;
      }
    }
    let id = created || /\/(me|self|current)$/i.test(operation.path) ? idOf(body) : undefined;
    if (id === undefined && created && response.headers.location) id = decodeURIComponent(response.headers.location.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? '') || undefined;
    if (id !== undefined) this.add({ resource, id, owner, created, source: exchange });
  }
}

function listIn(body: unknown): unknown[] | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  for (const key of LIST_KEYS) {
    const value = (body as Record<string, unknown>)[key];
    if (Array.isArray(value)) return value;
  }
  return undefined;
}
