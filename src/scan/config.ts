import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RampartError } from '../core/errors.js';
import { decodeText, parseSource, type Source } from '../spec/source.js';
import type { JwtKey } from './jwt-sign.js';

/** A request that yields a token: a login, or a refresh. */
export interface TokenRequest {
  method: string;
  path: string;
  /** JSON body; `{refreshToken}` in a string is replaced by the last refresh token. */
  json?: unknown;
  /** Form body (application/x-www-form-urlencoded). */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** JSONPath into the JSON response (default `$.token`, then `$.access_token`). */
  token?: string;
  /** A regular expression with one group, tried on the body and then on every response header. */
  tokenRegex?: string;
  /** JSONPath of a refresh token in the response, kept for `refresh`. */
  refreshToken?: string;
}

/**
 * The key the API signs its JWTs with, given by the user so the scanner can mint tokens (expired,
 * for a subject that does not exist) without cracking anything.
 */
export interface JwtSigningConfig {
  key: JwtKey;
  /** Sign with this alg instead of the one in the identity's token header. */
  algorithm?: string;
  /** The claim naming the user (default: the first of sub, userId, user_id, uid, username, email present). */
  subjectClaim?: string;
}

export interface IdentityConfig {
  name: string;
  /** `admin` identities are the reference for admin-only operations (BFLA). */
  role: 'user' | 'admin';
  headers: Record<string, string>;
  cookies: Record<string, string>;
  login?: TokenRequest;
  refresh?: TokenRequest;
  /** How the token is sent: header name and value template (default `Authorization: Bearer {token}`). */
  apply: { header: string; value: string } | { cookie: string };
  /** Its own signing key, or the scan-wide `jwt:` one. */
  jwt?: JwtSigningConfig;
}

export interface ScanConfig {
  target?: string;
  rps?: number;
  budget?: number;
  timeoutMs?: number;
  identities: IdentityConfig[];
  /** `METHOD /path` of operations only admins may call, besides those named `admin` in paths, tags or scopes. */
  adminOperations: string[];
  /** Where it came from, for messages and relative paths. */
  file?: string;
}

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Reads the `scan:` section of a rampart.yaml. The rest of the file belongs to the configuration
 * loader of the other commands; this reads only its own key. `${NAME}` in strings reads the
 * environment, so secrets need not be written in the file.
 */
export function readScanConfig(file: string, cwd: string, env: NodeJS.ProcessEnv = {}): ScanConfig {
  const full = path.resolve(cwd, file);
  const display = path.relative(cwd, full) || path.basename(full);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(full);
  } catch {
    throw new RampartError('RAMPART_FILE_NOT_FOUND', 'configuration file not found', { position: { file: display } });
  }
  const source = parseSource(full, display, decodeText(bytes, display));
  const root = source.value;
  if (!isObject(root)) throw invalid(source, '', 'expected a mapping');
  const scan = root.scan;
  if (scan === undefined) return { identities: [], adminOperations: [], file: display };
  return parseScanSection(scan, source, env);
}

export function parseScanSection(scan: unknown, source: Source, env: NodeJS.ProcessEnv = {}): ScanConfig {
  const at = (pointer: string) => `/scan${pointer}`;
  if (!isObject(scan)) throw invalid(source, at(''), 'scan: expected a mapping (target, rps, budget, timeoutMs, identities, adminOperations, jwt)');
  const known = new Set(['target', 'rps', 'budget', 'timeoutMs', 'identities', 'adminOperations', 'jwt']);
  for (const key of Object.keys(scan)) if (!known.has(key)) throw invalid(source, at(`/${key}`), `scan.${key}: unknown key; expected one of ${[...known].join(', ')}`);
  const number = (key: string): number | undefined => {
    const value = scan[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !(value > 0)) throw invalid(source, at(`/${key}`), `scan.${key}: expected a number > 0`);
    return value;
  };
  if (scan.target !== undefined && typeof scan.target !== 'string') throw invalid(source, at('/target'), 'scan.target: expected a URL');
  const identitiesRaw = scan.identities ?? [];
  if (!Array.isArray(identitiesRaw)) throw invalid(source, at('/identities'), 'scan.identities: expected a list');
  const names = new Set<string>();
  const sharedJwt = scan.jwt === undefined ? undefined : parseJwt(scan.jwt, source, at('/jwt'), 'scan.jwt', env);
  const identities = identitiesRaw.map((raw, index) => {
    const identity = parseIdentity(raw, source, at(`/identities/${index}`), env);
    identity.jwt ??= sharedJwt;
    if (names.has(identity.name)) throw invalid(source, at(`/identities/${index}/name`), `scan.identities[${index}].name: "${identity.name}" is used twice`);
    names.add(identity.name);
    return identity;
  });
  const adminOperations = scan.adminOperations ?? [];
  if (!Array.isArray(adminOperations) || adminOperations.some((item) => typeof item !== 'string' || !/^[A-Za-z]+ \//.test(item))) {
    throw invalid(source, at('/adminOperations'), 'scan.adminOperations: expected a list of "METHOD /path"');
  }
  return {
    target: scan.target as string | undefined,
    rps: number('rps'),
    budget: number('budget'),
    timeoutMs: number('timeoutMs'),
    identities,
    adminOperations: adminOperations as string[],
    file: source.displayPath,
  };
}

function parseIdentity(raw: unknown, source: Source, pointer: string, env: NodeJS.ProcessEnv): IdentityConfig {
  const label = `scan.identities[${pointer.split('/').pop()}]`;
  if (!isObject(raw)) throw invalid(source, pointer, `${label}: expected a mapping with name and login, headers or cookies`);
  const allowed = new Set(['name', 'role', 'headers', 'cookies', 'login', 'refresh', 'apply', 'jwt']);
  for (const key of Object.keys(raw)) if (!allowed.has(key)) throw invalid(source, `${pointer}/${key}`, `${label}.${key}: unknown key; expected one of ${[...allowed].join(', ')}`);
  if (typeof raw.name !== 'string' || !/^[A-Za-z][\w-]*$/.test(raw.name)) throw invalid(source, `${pointer}/name`, `${label}.name: expected a name (letters, digits, - and _)`);
  const role = raw.role ?? 'user';
  if (role !== 'user' && role !== 'admin') throw invalid(source, `${pointer}/role`, `${label}.role: expected user or admin`);
  const strings = (key: string): Record<string, string> => {
    const value = raw[key] ?? {};
    if (!isObject(value) || Object.values(value).some((item) => typeof item !== 'string')) throw invalid(source, `${pointer}/${key}`, `${label}.${key}: expected a mapping of names to strings`);
    return Object.fromEntries(Object.entries(value as Record<string, string>).map(([name, item]) => [name, interpolate(item, env)]));
  };
  const tokenRequest = (key: string): TokenRequest | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    const where = `${pointer}/${key}`;
    if (!isObject(value) || typeof value.path !== 'string') throw invalid(source, where, `${label}.${key}: expected a mapping with path (/…), method, json or form, token`);
    if (!isTargetPath(value.path)) throw invalid(source, `${where}/path`, `${label}.${key}.path: expected a path on the target (/…), got "${value.path}"`);
    for (const field of ['token', 'tokenRegex', 'refreshToken']) {
      if (value[field] !== undefined && typeof value[field] !== 'string') throw invalid(source, `${where}/${field}`, `${label}.${key}.${field}: expected a string`);
    }
    if (typeof value.tokenRegex === 'string') {
      try {
        new RegExp(value.tokenRegex);
      } catch {
        throw invalid(source, `${where}/tokenRegex`, `${label}.${key}.tokenRegex: not a valid regular expression`);
      }
    }
    return {
      method: typeof value.method === 'string' ? value.method.toUpperCase() : 'POST',
      path: value.path,
      json: value.json === undefined ? undefined : interpolateDeep(value.json, env),
      form: isObject(value.form) ? (interpolateDeep(value.form, env) as Record<string, string>) : undefined,
      headers: isObject(value.headers) ? (interpolateDeep(value.headers, env) as Record<string, string>) : undefined,
      token: value.token as string | undefined,
      tokenRegex: value.tokenRegex as string | undefined,
      refreshToken: value.refreshToken as string | undefined,
    };
  };
  const applyRaw = raw.apply;
  let apply: IdentityConfig['apply'] = { header: 'Authorization', value: 'Bearer {token}' };
  if (applyRaw !== undefined) {
    if (isObject(applyRaw) && typeof applyRaw.cookie === 'string') apply = { cookie: applyRaw.cookie };
    else if (isObject(applyRaw) && typeof applyRaw.header === 'string') apply = { header: applyRaw.header, value: typeof applyRaw.value === 'string' ? applyRaw.value : '{token}' };
    else throw invalid(source, `${pointer}/apply`, `${label}.apply: expected { header, value } or { cookie }`);
  }
  const jwt = raw.jwt === undefined ? undefined : parseJwt(raw.jwt, source, `${pointer}/jwt`, `${label}.jwt`, env);
  const identity: IdentityConfig = { name: raw.name, role, headers: strings('headers'), cookies: strings('cookies'), login: tokenRequest('login'), refresh: tokenRequest('refresh'), apply, jwt };
  if (!identity.login && Object.keys(identity.headers).length === 0 && Object.keys(identity.cookies).length === 0) {
    throw invalid(source, pointer, `${label}: give login, headers or cookies`);
  }
  return identity;
}

/**
 * A path the transport resolves on the target origin. `//host/…` (and `/\host`, which URL parsing
 * reads the same way) names another host: refused here, not as a crash when the login is sent.
 */
function isTargetPath(text: string): boolean {
  const base = 'http://target.invalid';
  try {
    return text.startsWith('/') && new URL(text, base).origin === base;
  } catch {
    return false;
  }
}

const JWT_KEYS = ['secret', 'privateKey', 'privateKeyFile'] as const;
const JWT_ALGORITHMS = /^(HS|RS|PS|ES)(256|384|512)$|^EdDSA$/;

/** `jwt: { secret | privateKey | privateKeyFile, algorithm?, subjectClaim? }`; a key file is read relative to the configuration. */
function parseJwt(raw: unknown, source: Source, pointer: string, label: string, env: NodeJS.ProcessEnv): JwtSigningConfig {
  if (!isObject(raw)) throw invalid(source, pointer, `${label}: expected a mapping with secret, privateKey or privateKeyFile`);
  const allowed = new Set<string>([...JWT_KEYS, 'algorithm', 'subjectClaim']);
  for (const key of Object.keys(raw)) if (!allowed.has(key)) throw invalid(source, `${pointer}/${key}`, `${label}.${key}: unknown key; expected one of ${[...allowed].join(', ')}`);
  const given = JWT_KEYS.filter((key) => raw[key] !== undefined);
  if (given.length !== 1) throw invalid(source, pointer, `${label}: give exactly one of secret (HMAC), privateKey (PEM) or privateKeyFile${given.length > 1 ? `, not ${given.join(' and ')}` : ''}`);
  const field = given[0]!;
  const where = `${pointer}/${field}`;
  if (typeof raw[field] !== 'string' || raw[field] === '') throw invalid(source, where, `${label}.${field}: expected a non-empty string`);
  const unset = [...(raw[field] as string).matchAll(/\$\{(\w+)\}/g)].map((match) => match[1]!).find((name) => env[name] === undefined);
  if (unset !== undefined) throw invalid(source, where, `${label}.${field}: environment variable ${unset} is not set`);
  const value = interpolate(raw[field] as string, env);
  let key: JwtKey;
  if (field === 'secret') key = { secret: value };
  else {
    let pem = value;
    if (field === 'privateKeyFile') {
      const file = path.resolve(path.dirname(source.uri), value);
      try {
        pem = readFileSync(file, 'utf8');
      } catch {
        throw invalid(source, where, `${label}.privateKeyFile: cannot read ${value}`);
      }
    }
    try {
      key = { privateKey: createPrivateKey(pem) };
    } catch {
      throw invalid(source, where, `${label}.${field}: not a PEM private key (RSA, EC or Ed25519/Ed448; a public key cannot sign)`);
    }
  }
  for (const name of ['algorithm', 'subjectClaim']) if (raw[name] !== undefined && typeof raw[name] !== 'string') throw invalid(source, `${pointer}/${name}`, `${label}.${name}: expected a string`);
  if (typeof raw.algorithm === 'string' && !JWT_ALGORITHMS.test(raw.algorithm)) throw invalid(source, `${pointer}/algorithm`, `${label}.algorithm: expected HS256/384/512, RS…, PS…, ES… or EdDSA, got "${raw.algorithm}"`);
  return { key, algorithm: raw.algorithm as string | undefined, subjectClaim: raw.subjectClaim as string | undefined };
}

function interpolate(text: string, env: NodeJS.ProcessEnv): string {
  return text.replace(/\$\{(\w+)\}/g, (whole, name: string) => env[name] ?? whole);
}

function interpolateDeep(value: unknown, env: NodeJS.ProcessEnv): unknown {
  if (typeof value === 'string') return interpolate(value, env);
  if (Array.isArray(value)) return value.map((item) => interpolateDeep(item, env));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateDeep(item, env)]));
  return value;
}

function invalid(source: Source, pointer: string, message: string): RampartError {
  const range = source.range(pointer);
  return new RampartError('RAMPART_CONFIG_INVALID', message, { position: { file: source.displayPath, line: range.line, column: range.column } });
}
