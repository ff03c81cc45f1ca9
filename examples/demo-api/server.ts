/**
 * The Rampart demo bank: a small API on node:http with one planted vulnerability per scan probe
 * family (README.md lists them). `secure: true` fixes every one. Listens on 127.0.0.1 only.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { demoDescription, DISPLAY_NAME_MAX } from './description.js';
import { interpretShell } from './shell.js';

export interface DemoOptions {
  port?: number;
  secure?: boolean;
  /**
   * Serve HTTPS with this key and certificate, plus plain HTTP on `httpPort` (0: any free port).
   * Vulnerable: TLS 1.0/1.1 accepted, no HSTS, the API served over plain HTTP too.
   * Secure: TLS 1.2+, HSTS, plain HTTP only redirects to HTTPS.
   */
  https?: { key: string | Buffer; cert: string | Buffer; httpPort?: number };
}

export interface RunningDemoApi {
  url: string;
  port: number;
  /** The plain-HTTP companion of an HTTPS demo. */
  httpUrl?: string;
  close: () => Promise<void>;
}

interface User { id: string; username: string; email: string; displayName: string; role: 'user' | 'admin'; password: string; passwordHash: string; ssn: string }
interface Account { id: string; ownerId: string; name: string; currency: string; balance: number }
interface Order { id: string; ownerId: string; accountId: string; item: string; quantity: number; total: number; status: 'new' | 'paid' }

/** The demo's users; their passwords are in examples/demo-api/rampart.yaml (demo only). */
export const DEMO_USERS: readonly Omit<User, 'passwordHash'>[] = [
  { id: 'usr_1', username: 'alice', email: 'alice@demo.test', displayName: 'Alice', role: 'user', password: 'alice-demo-password', ssn: '219-09-9999' },
  { id: 'usr_2', username: 'bob', email: 'bob@demo.test', displayName: 'Bob', role: 'user', password: 'bob-demo-password', ssn: '078-05-1120' },
  { id: 'usr_3', username: 'root', email: 'root@demo.test', displayName: 'Admin', role: 'admin', password: 'root-demo-password', ssn: '457-55-5462' },
];

const PRODUCTS = [
  { id: 'prd_1', name: 'Debit card', price: 0 },
  { id: 'prd_2', name: 'Gold card', price: 49.5 },
  { id: 'prd_3', name: 'Safe deposit box', price: 120 },
];
const FILES = new Map([['welcome.txt', 'Welcome to the demo bank.\n'], ['terms.txt', 'Be nice.\n']]);
const ALLOWED_IMPORT_HOSTS = new Set(['partner.demo.test']);
const TRUSTED_ORIGIN = 'https://app.demo.test';
const TOKEN_SECONDS = 15 * 60;
const LOGIN_LIMIT = 5;
const LOGIN_WINDOW_MS = 60_000;
const HSTS = 'max-age=31536000; includeSubDomains';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
/**
 * Planted (resource consumption): nested quantifiers, so a long run of letters followed by a
 * character that cannot match makes the engine try every way to split the run (2^n). Same language
 * as the documented DISPLAY_NAME_PATTERN once a trailing space is refused.
 */
const CATASTROPHIC_DISPLAY_NAME = /^([A-Za-z]+ ?)*$/;

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export async function startDemoApi(options: DemoOptions = {}): Promise<RunningDemoApi> {
  const secure = Boolean(options.secure);
  const description = demoDescription();
  // Planted (auth): a dictionary word as the HMAC secret. Fixed: 32 random bytes.
  const jwtSecret = secure ? randomBytes(32) : Buffer.from('secret');
  const users = DEMO_USERS.map((user) => ({ ...user, passwordHash: createHmac('sha256', 'pepper').update(user.password).digest('hex') }));
  const accounts = new Map<string, Account>();
  const orders = new Map<string, Order>();
  let nextId = 100;
  const failedLogins = new Map<string, number[]>();

  const bodyAjv = addFormats(new Ajv({ strict: false, allErrors: false }));
  const queryAjv = addFormats(new Ajv({ strict: false, coerceTypes: true }));
  const components = (description as { components: Json }).components;
  bodyAjv.addSchema({ components }, 'demo');
  queryAjv.addSchema({ components }, 'demo');
  const rebase = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"demo#/components/'));
  const bodyValidators = new Map<string, ValidateFunction>();
  const queryValidators = new Map<string, ValidateFunction>();
  const paths = (description as { paths: Record<string, Record<string, Json>> }).paths;
  const validateBody = (path: string, method: string, value: unknown): void => {
    const key = `${method} ${path}`;
    let validate = bodyValidators.get(key);
    if (!validate) {
      const schema = ((paths[path]![method] as Json).requestBody as { content: Record<string, { schema: Json }> }).content['application/json']!.schema;
      validate = bodyAjv.compile(rebase(schema) as Json);
      bodyValidators.set(key, validate);
    }
    if (!validate(value)) throw new HttpError(400, `invalid request body: ${bodyAjv.errorsText(validate.errors)}`);
  };
  const validateQuery = (path: string, method: string, url: URL): Json => {
    const parameters = ((paths[path]![method] as Json).parameters ?? []) as { name: string; in: string; schema: Json }[];
    const values: Json = {};
    const properties: Json = {};
    for (const parameter of parameters.filter((p) => p.in === 'query')) {
      properties[parameter.name] = parameter.schema;
      const value = url.searchParams.get(parameter.name);
      if (value !== null) values[parameter.name] = value;
    }
    const key = `${method} ${path}`;
    let validate = queryValidators.get(key);
    if (!validate) queryValidators.set(key, (validate = queryAjv.compile({ type: 'object', properties })));
    if (!validate(values)) throw new HttpError(400, `invalid query: ${queryAjv.errorsText(validate.errors)}`);
    return values;
  };

  const sign = (claims: Json): string => {
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const signature = createHmac('sha256', jwtSecret).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${signature}`;
  };
  // Both modes verify the algorithm, the signature and the expiry: only the secret differs.
  const verify = (token: string): Json | undefined => {
    const [header, payload, signature] = token.split('.');
    if (!header || !payload || signature === undefined) return undefined;
    try {
      const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Json;
      if (head.alg !== 'HS256') return undefined;
      const expected = createHmac('sha256', jwtSecret).update(`${header}.${payload}`).digest();
      const actual = Buffer.from(signature, 'base64url');
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Json;
      if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return undefined;
      return claims;
    } catch {
      return undefined;
    }
  };
  const currentUser = (request: IncomingMessage): User => {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    const claims = match ? verify(match[1]!) : undefined;
    const user = claims && users.find((candidate) => candidate.id === claims.sub);
    if (!user) throw new HttpError(401, 'authentication required', { 'WWW-Authenticate': 'Bearer' });
    return user;
  };
  const publicUser = (user: User): Json => {
    const shown: Json = { id: user.id, username: user.username, email: user.email, displayName: user.displayName, role: user.role };
    // Planted (excessive data exposure): the password hash and SSN leave with the profile.
    if (!secure) Object.assign(shown, { passwordHash: user.passwordHash, ssn: user.ssn });
    return shown;
  };
  const publicAccount = ({ id, ownerId, name, currency, balance }: Account): Json => ({ id, ownerId, name, currency, balance });
  const publicOrder = (order: Order, totalAsText = false): Json => ({
    id: order.id, accountId: order.accountId, item: order.item, quantity: order.quantity,
    // Planted (response conformance): the vulnerable mode sends `total` as a string on reads.
    total: totalAsText ? order.total.toFixed(2) : order.total, status: order.status,
  });
  const ownAccount = (user: User, id: string): Account => {
    const account = accounts.get(id);
    if (!account || (account.ownerId !== user.id && user.role !== 'admin')) throw new HttpError(404, 'account not found');
    return account;
  };

  const login = (request: IncomingMessage, body: Json, headers: Record<string, string>): [number, Json] => {
    validateBody('/auth/login', 'post', body);
    const username = String(body.username);
    if (secure) {
      // Fixed (resource consumption): failed attempts are limited per user name; X-Forwarded-For is not trusted.
      const now = Date.now();
      const recent = (failedLogins.get(username) ?? []).filter((at) => now - at < LOGIN_WINDOW_MS);
      failedLogins.set(username, recent);
      headers['RateLimit-Limit'] = String(LOGIN_LIMIT);
      headers['RateLimit-Remaining'] = String(Math.max(0, LOGIN_LIMIT - recent.length));
      if (recent.length >= LOGIN_LIMIT) throw new HttpError(429, 'too many attempts', { ...headers, 'Retry-After': '60' });
    }
    const user = users.find((candidate) => candidate.username === username);
    if (!user || user.password !== body.password) {
      if (secure) failedLogins.get(username)!.push(Date.now());
      throw new HttpError(401, 'invalid user name or password', headers);
    }
    const now = Math.floor(Date.now() / 1000);
    void request;
    return [200, { token: sign({ sub: user.id, role: user.role, iat: now, exp: now + TOKEN_SECONDS }), tokenType: 'Bearer', expiresIn: TOKEN_SECONDS }];
  };

  const handle = async (request: IncomingMessage, url: URL, raw: string, headers: Record<string, string>): Promise<[number, unknown, string?]> => {
    const method = (request.method ?? 'GET').toLowerCase();
    const path = url.pathname;
    const parse = (): Json => {
      // Planted (verbose errors): the vulnerable mode lets JSON.parse throw into the error handler.
      if (secure) {
        try {
          return JSON.parse(raw || 'null') as Json;
        } catch {
          throw new HttpError(400, 'malformed JSON body');
        }
      }
      return JSON.parse(raw || 'null') as Json;
    };
    const route = (template: string, verb: string): Record<string, string> | undefined => {
      if (verb !== method) return undefined;
      const names: string[] = [];
      const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`);
      const match = pattern.exec(path);
      if (!match) return undefined;
      return Object.fromEntries(names.map((name, k) => [name, decodeURIComponent(match[k + 1]!)]));
    };
    let params: Record<string, string> | undefined;

    if (route('/openapi.json', 'get')) return [200, description];
    if (route('/health', 'get')) return [200, { status: 'ok' }];
    if (route('/auth/login', 'post')) return login(request, parse(), headers);
    if (route('/auth/password-reset', 'post')) {
      validateBody('/auth/password-reset', 'post', parse());
      return [202, { status: 'If the address is registered, a message is on its way.' }];
    }
    if (route('/auth/logout', 'get')) {
      const next = String(validateQuery('/auth/logout', 'get', url).next ?? '/');
      if (!/^\/(?![/\\])/.test(next)) throw new HttpError(400, 'next must be a path on this site');
      headers.Location = next;
      return [302, undefined];
    }
    if (route('/users/me', 'get')) return [200, publicUser(currentUser(request))];
    if (route('/users/me', 'patch')) {
      const user = currentUser(request);
      const body = parse();
      validateBody('/users/me', 'patch', body);
      if (typeof body.displayName === 'string') user.displayName = body.displayName;
      if (typeof body.email === 'string') user.email = body.email;
      return [200, publicUser(user)];
    }
    if (route('/accounts', 'get')) {
      const user = currentUser(request);
      return [200, [...accounts.values()].filter((account) => account.ownerId === user.id).map(publicAccount)];
    }
    if (route('/accounts', 'post')) {
      const user = currentUser(request);
      const body = parse();
      validateBody('/accounts', 'post', body);
      const account: Account = { id: `acc_${nextId++}`, ownerId: user.id, name: String(body.name), currency: String(body.currency), balance: 0 };
      // Planted (mass assignment): the read-only balance is taken from the request and stored.
      if (!secure && typeof body.balance === 'number') account.balance = body.balance;
      accounts.set(account.id, account);
      headers.Location = `/accounts/${account.id}`;
      return [201, publicAccount(account)];
    }
    if ((params = route('/accounts/{accountId}', 'get'))) {
      const user = currentUser(request);
      // Planted (BOLA): the vulnerable mode returns any account to any signed-in user.
      const account = secure ? ownAccount(user, params.accountId!) : accounts.get(params.accountId!);
      if (!account) throw new HttpError(404, 'account not found');
      return [200, publicAccount(account)];
    }
    if ((params = route('/accounts/{accountId}', 'patch'))) {
      const account = ownAccount(currentUser(request), params.accountId!);
      const body = parse();
      validateBody('/accounts/{accountId}', 'patch', body);
      account.name = String(body.name);
      return [200, publicAccount(account)];
    }
    if ((params = route('/accounts/{accountId}', 'delete'))) {
      const account = ownAccount(currentUser(request), params.accountId!);
      accounts.delete(account.id);
      return [204, undefined];
    }
    if (route('/orders', 'get')) {
      const user = currentUser(request);
      const query = validateQuery('/orders', 'get', url);
      const limit = Number(query.limit ?? 20);
      const offset = Number(query.offset ?? 0);
      const mine = [...orders.values()].filter((order) => order.ownerId === user.id);
      return [200, { items: mine.slice(offset, offset + limit).map((order) => publicOrder(order)), limit, offset, total: mine.length }];
    }
    if (route('/orders', 'post')) {
      const user = currentUser(request);
      const body = parse();
      // Planted (input validation): the vulnerable mode stores whatever it is given.
      if (secure) validateBody('/orders', 'post', body);
      const fields = body !== null && typeof body === 'object' ? body : {};
      const account = accounts.get(String(fields.accountId));
      if (!account || account.ownerId !== user.id) throw new HttpError(404, 'account not found');
      const quantity = fields.quantity as number;
      const order: Order = { id: `ord_${nextId++}`, ownerId: user.id, accountId: account.id, item: fields.item as string, quantity, total: Number(quantity) * 9.5 || 0, status: 'new' };
      orders.set(order.id, order);
      headers.Location = `/orders/${order.id}`;
      return [201, publicOrder(order)];
    }
    if ((params = route('/orders/{orderId}', 'get'))) {
      const user = currentUser(request);
      const order = orders.get(params.orderId!);
      if (!order || (order.ownerId !== user.id && user.role !== 'admin')) throw new HttpError(404, 'order not found');
      return [200, publicOrder(order, !secure)];
    }
    if (route('/products', 'get')) {
      const search = validateQuery('/products', 'get', url).search;
      return [200, searchProducts(search === undefined ? undefined : String(search), secure)];
    }
    if ((params = route('/products/{productId}', 'get'))) {
      const product = PRODUCTS.find((candidate) => candidate.id === params!.productId);
      if (!product) throw new HttpError(404, 'product not found');
      return [200, product];
    }
    if (route('/imports', 'post')) {
      currentUser(request);
      const body = parse();
      validateBody('/imports', 'post', body);
      const target = new URL(String(body.url));
      // Planted (SSRF): the vulnerable mode fetches any URL, loopback included.
      if (secure && (target.protocol !== 'https:' || !ALLOWED_IMPORT_HOSTS.has(target.hostname))) throw new HttpError(400, 'imports are only allowed from partner hosts');
      try {
        const fetched = await fetch(target, { signal: AbortSignal.timeout(2000), redirect: 'error' });
        const text = await fetched.text();
        return [202, { id: `imp_${nextId++}`, status: fetched.ok ? 'done' : 'failed', bytes: text.length }];
      } catch {
        return [202, { id: `imp_${nextId++}`, status: 'failed' }];
      }
    }
    if ((params = route('/files/{fileName}', 'get'))) {
      currentUser(request);
      const text = FILES.get(params.fileName!);
      if (text === undefined) throw new HttpError(404, 'no such file');
      return [200, text, 'text/plain; charset=utf-8'];
    }
    if (route('/diagnostics/ping', 'post')) {
      currentUser(request);
      const body = parse();
      validateBody('/diagnostics/ping', 'post', body);
      const host = String(body.host);
      // Planted (injection): the vulnerable mode pastes the host into a shell command line (emulated,
      // see shell.ts: only `sleep` has an effect). Fixed: the host is one argument, never parsed.
      const argv = secure ? [['ping', '-c', '1', '-W', '1', host]] : await runShell(`ping -c 1 -W 1 ${host}`);
      const reachable = argv.some(([name, ...args]) => name === 'ping' && LOOPBACK_HOSTS.has(args[args.length - 1] ?? ''));
      return [200, { host, reachable }];
    }
    if (route('/display-names/validate', 'get')) {
      let displayName: string;
      if (secure) {
        const value = validateQuery('/display-names/validate', 'get', url).displayName;
        if (value === undefined) throw new HttpError(400, 'displayName is required');
        displayName = String(value);
      } else {
        const value = url.searchParams.get('displayName');
        if (value === null || value.length === 0 || value.length > DISPLAY_NAME_MAX) throw new HttpError(400, `displayName must be 1 to ${DISPLAY_NAME_MAX} characters`);
        // Planted (resource consumption): a backtracking regex instead of the documented linear pattern.
        if (!CATASTROPHIC_DISPLAY_NAME.test(value) || value.endsWith(' ')) throw new HttpError(400, 'displayName must be words of letters separated by single spaces');
        displayName = value;
      }
      return [200, { displayName, valid: true }];
    }
    if (route('/admin/users', 'get')) {
      const user = currentUser(request);
      // Planted (BFLA): the vulnerable mode checks that the caller is signed in, not that it is an admin.
      if (secure && user.role !== 'admin') throw new HttpError(403, 'admins only');
      return [200, users.map(publicUser)];
    }
    if ((params = route('/admin/users/{userId}', 'delete'))) {
      const user = currentUser(request);
      if (user.role !== 'admin') throw new HttpError(403, 'admins only');
      throw new HttpError(409, 'demo users cannot be deleted');
    }
    const known = Object.keys(paths).some((template) => new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(path)) || path === '/openapi.json';
    if (known) throw new HttpError(405, 'method not allowed', { Allow: 'GET, POST, PATCH, DELETE, OPTIONS' });
    throw new HttpError(404, 'not found');
  };

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const headers: Record<string, string> = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
      // Planted (transport): the vulnerable mode never sends HSTS over HTTPS.
      if (secure && options.https) headers['Strict-Transport-Security'] = HSTS;
      const origin = request.headers.origin;
      // Planted (transport/configuration): the vulnerable mode trusts every Origin, with credentials.
      if (origin && (!secure || origin === TRUSTED_ORIGIN)) {
        headers['Access-Control-Allow-Origin'] = origin;
        headers['Access-Control-Allow-Credentials'] = 'true';
        headers.Vary = 'Origin';
      }
      const finish = (status: number, body: unknown, type = 'application/json') => {
        response.writeHead(status, body === undefined ? headers : { ...headers, 'Content-Type': type });
        response.end(body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
      };
      if (request.method === 'OPTIONS') {
        headers.Allow = 'GET, POST, PATCH, DELETE, OPTIONS';
        if (headers['Access-Control-Allow-Origin']) headers['Access-Control-Allow-Methods'] = 'GET, POST, PATCH, DELETE';
        return finish(204, undefined);
      }
      handle(request, url, Buffer.concat(chunks).toString('utf8'), headers).then(
        ([status, body, type]) => finish(status, body, type),
        (error: unknown) => {
          if (error instanceof HttpError) {
            Object.assign(headers, error.headers);
            return finish(error.status, { error: error.message });
          }
          const failure = error as Error;
          finish(500, secure ? { error: 'internal error' } : { error: failure.message, stack: failure.stack });
        },
      );
    });
  };

  if (!options.https) {
    const server = createServer(listener);
    const port = await listen(server, options.port ?? 0);
    return { url: `http://127.0.0.1:${port}`, port, close: () => closeAll([server]) };
  }
  // Planted (transport): the vulnerable mode still completes TLS 1.0 and 1.1 handshakes.
  const tls = secure ? { minVersion: 'TLSv1.2' as const } : { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT:@SECLEVEL=0' };
  const server = createHttpsServer({ key: options.https.key, cert: options.https.cert, ...tls }, listener);
  const port = await listen(server, options.port ?? 0);
  const url = `https://127.0.0.1:${port}`;
  // Planted (transport): the vulnerable mode serves the API over plain HTTP as well; fixed: a redirect.
  const plain = createServer(secure
    ? (request, response) => {
      request.resume();
      response.writeHead(308, { Location: `${url}${request.url ?? '/'}` }).end();
    }
    : listener);
  const httpPort = await listen(plain, options.https.httpPort ?? 0);
  return { url, port, httpUrl: `http://127.0.0.1:${httpPort}`, close: () => closeAll([server, plain]) };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeAll(servers: Server[]): Promise<void> {
  return Promise.all(servers.map((server) => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }))).then(() => undefined);
}

/** Runs a command line in the pretend shell: waits for its `sleep`s, returns the commands it held. */
async function runShell(line: string): Promise<string[][]> {
  const run = interpretShell(line);
  if (run.sleepMs > 0) await delay(run.sleepMs);
  return run.commands;
}

/** A toy query builder. Planted (injection): the vulnerable mode pastes the search text into SQL. */
function searchProducts(search: string | undefined, secure: boolean): typeof PRODUCTS {
  if (search === undefined || search === '') return PRODUCTS;
  if (secure) return PRODUCTS.filter((product) => product.name.toLowerCase().includes(search.toLowerCase()));
  const sql = `SELECT * FROM products WHERE name LIKE '%${search}%'`;
  const quotes = (sql.match(/'/g) ?? []).length;
  if (quotes % 2 !== 0) throw new Error(`SQLITE_ERROR: unrecognized token: "'" in ${sql}`);
  // A tautology after the closing quote matches every row, as the real database would.
  if (/'\s*or\s*'?1'?\s*=\s*'?1/i.test(search)) return PRODUCTS;
  return PRODUCTS.filter((product) => product.name.toLowerCase().includes(search.toLowerCase()));
}
