import { createHmac, createPublicKey, hash as digestOf, timingSafeEqual, verify as verifySignature, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { RampartError } from '../core/errors.js';
import { analyzeJwt, decodeJwt, type DecodedJwt, type JwtAnalysis } from '../traffic/jwt.js';
import { LruMap } from './state.js';
import type { Identity } from './types.js';

const API_KEY_HEADERS = ['x-api-key', 'api-key', 'apikey', 'x-auth-token', 'x-access-token', 'x-apikey', 'ocp-apim-subscription-key'];
const SESSION_COOKIE = /^(session|sessionid|sid|connect\.sid|jsessionid|phpsessid|asp\.net_sessionid|_session|.*[-_]session)$/i;

export interface IdentityOptions {
  /** Peers whose `X-Forwarded-For` is believed: addresses or IPv4 CIDR blocks (`10.0.0.0/8`). */
  trustedProxies?: readonly string[];
  /** A JWT verification key: PEM public key, JWKS JSON, or a raw HMAC secret file. */
  jwtKeyFile?: string;
}

interface JwtVerifier {
  verify: (jwt: DecodedJwt) => boolean;
}

/**
 * The one identity resolver every detector shares. Precedence: a bearer JWT (its `sub`), an API
 * key header (hashed), a session cookie (hashed), HTTP Basic (user name), any other bearer token
 * (hashed), and the client IP when no credential is presented.
 */
export class IdentityResolver {
  private readonly trusted: ((ip: string) => boolean)[];
  private readonly verifier?: JwtVerifier;
  /** The same token comes back on every call: decode, verify and analyse it once. */
  private readonly tokens = new LruMap<string, { sub?: string; role: string; verified: boolean; analysis: JwtAnalysis; invalid: boolean }>(20_000);
  /**
   * The same key or cookie comes back on every call too: hash it once (SHA-256 per request showed in
   * the profile). Keyed by the raw value (no key string built per request), then by kind.
   */
  private readonly hashes = new LruMap<string, Record<string, string>>(20_000);

  constructor(options: IdentityOptions = {}) {
    this.trusted = (options.trustedProxies ?? []).map(parseTrusted);
    if (options.jwtKeyFile) this.verifier = loadVerifier(options.jwtKeyFile);
  }

  /** The client address: the peer, or (only when the peer is a trusted proxy) the last untrusted X-Forwarded-For hop. */
  clientIp(peer: string | undefined, forwardedFor: string | undefined): string {
    let ip = normalizeIp(peer ?? '') || 'unknown';
    if (!forwardedFor || !this.isTrusted(ip)) return ip;
    const hops = forwardedFor.split(',').map((hop) => normalizeIp(hop.trim())).filter(Boolean);
    // Walk from the nearest hop back while each one is itself a trusted proxy.
    for (let k = hops.length - 1; k >= 0; k--) {
      ip = hops[k]!;
      if (!this.isTrusted(ip)) break;
    }
    return ip;
  }

  resolve(headers: Record<string, string>, ip: string, now: number): Identity {
    const authorization = headers.authorization;
    if (authorization) {
      const space = authorization.indexOf(' ');
      const scheme = space === -1 ? authorization : authorization.slice(0, space);
      const credential = space === -1 ? '' : authorization.slice(space + 1).trim();
      if (/^bearer$/i.test(scheme) && credential) {
        const token = this.token(credential, now);
        if (token) {
          return {
            id: token.sub !== undefined && !token.invalid ? `jwt:${token.sub}` : this.hashed('jwt-token', credential),
            kind: 'jwt',
            ip,
            role: token.role,
            verified: token.verified,
            jwt: token.analysis,
            invalidSignature: token.invalid || undefined,
          };
        }
      }
    }
    for (const name of API_KEY_HEADERS) {
      const value = headers[name];
      if (value) return { id: this.hashed('api-key', value), kind: 'api-key', ip, role: 'api-key', verified: false };
    }
    const cookie = headers.cookie;
    if (cookie) {
      for (const part of cookie.split(';')) {
        const equals = part.indexOf('=');
        const name = (equals === -1 ? part : part.slice(0, equals)).trim();
        if (name && SESSION_COOKIE.test(name)) return { id: this.hashed('session', part.slice(equals + 1).trim()), kind: 'session', ip, role: 'session', verified: false };
      }
    }
    if (authorization) {
      const [scheme, credential = ''] = authorization.trim().split(/\s+/, 2);
      if (/^basic$/i.test(scheme ?? '')) {
        const user = Buffer.from(credential, 'base64').toString('utf8').split(':')[0] ?? '';
        return { id: `basic:${user.slice(0, 64)}`, kind: 'basic', ip, role: 'basic', verified: false };
      }
      return { id: this.hashed('bearer', authorization), kind: 'bearer', ip, role: 'bearer', verified: false };
    }
    return { id: `ip:${ip}`, kind: 'ip', ip, role: 'anonymous', verified: false };
  }

  private hashed(kind: string, value: string): string {
    const ids = this.hashes.get(value);
    let id = ids?.[kind];
    if (id === undefined) {
      id = hashed(kind, value);
      if (ids) ids[kind] = id;
      else this.hashes.set(value, { [kind]: id });
    }
    return id;
  }

  private token(credential: string, now: number) {
    const cached = this.tokens.get(credential);
    if (cached) return cached;
    const decoded = decodeJwt(credential);
    if (!decoded) return undefined;
    const sub = decoded.payload.sub;
    const verified = this.verifier ? this.verifier.verify(decoded) : false;
    const entry = {
      sub: typeof sub === 'string' || typeof sub === 'number' ? String(sub).slice(0, 128) : undefined,
      role: roleOf(decoded.payload),
      verified,
      analysis: analyzeJwt(decoded, now),
      invalid: this.verifier !== undefined && !verified,
    };
    this.tokens.set(credential, entry);
    return entry;
  }

  /** The peer is a configured proxy: its X-Forwarded-* headers are believed. */
  isTrusted(ip: string): boolean {
    return this.trusted.some((test) => test(ip));
  }
}

/** `role`, the first of `roles`, or `scope`/`scp` (sorted, so equal scope sets are one role); `authenticated` otherwise. */
function roleOf(payload: Record<string, unknown>): string {
  const role = payload.role ?? (Array.isArray(payload.roles) ? [...(payload.roles as unknown[])].map(String).sort().join(',') : undefined);
  if (typeof role === 'string' && role) return role.slice(0, 64);
  const scope = payload.scope ?? payload.scp;
  if (typeof scope === 'string' && scope) return scope.split(/\s+/).sort().join(' ').slice(0, 64);
  if (Array.isArray(scope)) return scope.map(String).sort().join(' ').slice(0, 64);
  return 'authenticated';
}

function hashed(kind: string, value: string): string {
  // One-shot hash (Node ≥ 20.12): no Hash object per new identity.
  return `${kind}:${digestOf('sha256', value, 'hex').slice(0, 16)}`;
}

function normalizeIp(value: string): string {
  const ip = value.startsWith('::ffff:') && isIP(value.slice(7)) === 4 ? value.slice(7) : value;
  return isIP(ip) ? ip : '';
}

function parseTrusted(entry: string): (ip: string) => boolean {
  const [base, bits] = entry.split('/');
  if (!base || isIP(base) === 0 || (bits !== undefined && !/^\d+$/.test(bits))) {
    throw new RampartError('RAMPART_USAGE', `trusted proxy "${entry}": expected an IP address or an IPv4 CIDR block like 10.0.0.0/8`);
  }
  if (bits === undefined || isIP(base) === 6) return (ip) => ip === normalizeIp(base);
  const prefix = Number(bits);
  if (prefix > 32) throw new RampartError('RAMPART_USAGE', `trusted proxy "${entry}": prefix length must be 0-32`);
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  const network = (ipv4(base) & mask) >>> 0;
  return (ip) => isIP(ip) === 4 && ((ipv4(ip) & mask) >>> 0) === network;
}

function ipv4(ip: string): number {
  return ip.split('.').reduce((value, part) => ((value << 8) | Number(part)) >>> 0, 0);
}

const HMAC: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const ASYMMETRIC: Record<string, { hash: string; dsa?: boolean; pss?: boolean }> = {
  RS256: { hash: 'sha256' }, RS384: { hash: 'sha384' }, RS512: { hash: 'sha512' },
  PS256: { hash: 'sha256', pss: true }, PS384: { hash: 'sha384', pss: true }, PS512: { hash: 'sha512', pss: true },
  ES256: { hash: 'sha256', dsa: true }, ES384: { hash: 'sha384', dsa: true }, ES512: { hash: 'sha512', dsa: true },
  EdDSA: { hash: '' },
};

/** A PEM public key, a JWKS (`{"keys": [...]}`) or a single JWK, or else the file's bytes as an HMAC secret. */
export function loadVerifier(file: string): JwtVerifier {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new RampartError('RAMPART_FILE_NOT_FOUND', 'JWT key file not found', { position: { file } });
  }
  const text = bytes.toString('utf8').trim();
  const keys: { kid?: string; key: KeyObject }[] = [];
  if (text.startsWith('-----BEGIN')) {
    try {
      keys.push({ key: createPublicKey(text) });
    } catch (error) {
      throw new RampartError('RAMPART_CONFIG_INVALID', `not a usable PEM public key: ${(error as Error).message}`, { position: { file }, cause: error });
    }
  } else if (text.startsWith('{')) {
    let parsed: { keys?: Record<string, unknown>[] } & Record<string, unknown>;
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch (error) {
      throw new RampartError('RAMPART_PARSE_FAILED', 'JWKS file is not valid JSON', { position: { file }, cause: error });
    }
    for (const jwk of Array.isArray(parsed.keys) ? parsed.keys : [parsed]) {
      try {
        keys.push({ kid: typeof jwk.kid === 'string' ? jwk.kid : undefined, key: createPublicKey({ key: jwk as never, format: 'jwk' }) });
      } catch {
        // A key type Node cannot import (an `oct` key, for instance) is skipped; an empty set is an error below.
      }
    }
    if (keys.length === 0) throw new RampartError('RAMPART_CONFIG_INVALID', 'the JWKS holds no usable public key', { position: { file } });
  }
  const secret = keys.length === 0 ? bytes : undefined;
  return {
    verify(jwt) {
      const alg = String(jwt.header.alg ?? '');
      let signature: Buffer;
      try {
        signature = Buffer.from(jwt.signature, 'base64url');
      } catch {
        return false;
      }
      if (secret) {
        const hash = HMAC[alg];
        if (!hash) return false;
        const expected = createHmac(hash, secret).update(jwt.signingInput).digest();
        return expected.length === signature.length && timingSafeEqual(expected, signature);
      }
      const spec = ASYMMETRIC[alg];
      if (!spec) return false;
      const kid = typeof jwt.header.kid === 'string' ? jwt.header.kid : undefined;
      const candidates = kid ? keys.filter((entry) => entry.kid === undefined || entry.kid === kid) : keys;
      return candidates.some(({ key }) => {
        try {
          return verifySignature(spec.hash || null, Buffer.from(jwt.signingInput), {
            key,
            ...(spec.dsa ? { dsaEncoding: 'ieee-p1363' as const } : {}),
            ...(spec.pss ? { padding: 6, saltLength: -1 } : {}),
          }, signature);
        } catch {
          return false;
        }
      });
    },
  };
}
