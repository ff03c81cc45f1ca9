import { definedSchemes, effectiveSecurity, isObject, operationsOf, words, type Json } from '../lint/rules/owasp/support/api.js';
import { isNeverReturned, isPiiName, isWriteOnlyCredential } from '../lint/rules/owasp/support/names.js';
import type { ApiDocument } from '../spec/document.js';

/** What the document says about how exposed the API is: the inputs of the risk tier. */
export interface ExposureSignals {
  operations: number;
  /** At least one server is public: not `x-internal: true`, not a private or local host (or no server is listed). */
  publicServers: boolean;
  /** Property names that hold credentials, payment or identity data (first few, sorted). */
  sensitiveFields: string[];
  /** Write operations anyone may call (no or optional security). */
  unauthenticatedWrites: number;
  /** Operations about payments or identity (pay, charge, card, transfer, login, token, password…). */
  sensitiveOperations: number;
}

const PRIVATE_HOST = /^(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|\[?::1\]?|0\.0\.0\.0)|\.(local|internal|corp|lan|intranet|localhost)$/i;
const SENSITIVE_OPERATION = new Set(['pay', 'payment', 'payments', 'charge', 'charges', 'card', 'cards', 'checkout', 'transfer', 'transfers', 'payout', 'payouts', 'invoice', 'invoices', 'billing', 'refund', 'refunds', 'wallet', 'wallets', 'bank', 'banking', 'login', 'logout', 'auth', 'oauth', 'token', 'tokens', 'password', 'identity', 'identities', 'kyc', 'otp', 'mfa', 'signup', 'credentials']);
const PERSONAL_FIELD = new Set(['email', 'emailaddress', 'phone', 'phonenumber', 'address', 'dateofbirth', 'birthdate', 'ssn', 'iban', 'passport']);

export function exposureOf(document: ApiDocument): ExposureSignals {
  const root = document.root.value as Json;
  const schemes = definedSchemes(document);
  let operations = 0;
  let unauthenticatedWrites = 0;
  let sensitiveOperations = 0;
  for (const { method, path, operation } of operationsOf(document)) {
    operations++;
    if (['post', 'put', 'patch', 'delete'].includes(method)) {
      const verdict = effectiveSecurity(operation.node, root, schemes).kind;
      if (verdict === 'none' || verdict === 'optional') unauthenticatedWrites++;
    }
    const terms = [...path.split('/').filter((segment) => !segment.startsWith('{')).flatMap(words), ...(typeof operation.node.operationId === 'string' ? words(operation.node.operationId) : [])];
    if (terms.some((term) => SENSITIVE_OPERATION.has(term))) sensitiveOperations++;
  }
  return { operations, publicServers: hasPublicServer(document, root), sensitiveFields: sensitiveFieldsOf(document), unauthenticatedWrites, sensitiveOperations };
}

function hasPublicServer(document: ApiDocument, root: Json): boolean {
  if (document.version.format === 'oas2') {
    if (root['x-internal'] === true) return false;
    return typeof root.host !== 'string' || !PRIVATE_HOST.test(root.host.split(':')[0]!);
  }
  const servers = Array.isArray(root.servers) ? root.servers.filter(isObject) : [];
  if (servers.length === 0) return true;
  return servers.some((server) => {
    if (server['x-internal'] === true) return false;
    const url = String(server.url ?? '');
    const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(url)?.[1];
    return host === undefined ? true : !PRIVATE_HOST.test(host);
  });
}

/** One iterative pass over every file's values: property names of any schema, however deep. */
function sensitiveFieldsOf(document: ApiDocument): string[] {
  const found = new Set<string>();
  for (const source of document.sources.values()) {
    const stack: unknown[] = [source.value];
    const seen = new Set<object>();
    while (stack.length > 0) {
      const node = stack.pop();
      if (node === null || typeof node !== 'object' || seen.has(node)) continue;
      seen.add(node);
      if (Array.isArray(node)) {
        for (const item of node) stack.push(item);
        continue;
      }
      const record = node as Json;
      if (isObject(record.properties)) {
        for (const name of Object.keys(record.properties)) {
          const squashed = name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
          if (isNeverReturned(name) || isPiiName(name) || isWriteOnlyCredential(name) || PERSONAL_FIELD.has(squashed)) found.add(name);
        }
      }
      for (const key of Object.keys(record)) if (key !== 'example' && key !== 'examples') stack.push(record[key]);
    }
  }
  return [...found].sort().slice(0, 10);
}
