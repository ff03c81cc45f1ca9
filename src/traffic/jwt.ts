import { createHmac, timingSafeEqual } from 'node:crypto';
import { classifyValue } from './classifiers/index.js';

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: string;
}

export type JwtWeakness = 'jwt-alg-none' | 'jwt-weak-secret' | 'jwt-no-exp' | 'jwt-long-lifetime' | 'jwt-sensitive-claims';

export interface JwtAnalysis {
  alg: string;
  weaknesses: JwtWeakness[];
  /** Claim names only, never values. */
  claims: string[];
  sensitiveClaims: string[];
  lifetimeSeconds?: number;
}

/** Secrets seen in tutorials, defaults and leaks: enough to catch the careless, not a cracker. */
export const GUESSABLE_SECRETS: readonly string[] = [
  'secret', 'Secret', 'SECRET', 'secretkey', 'secret-key', 'secret_key', 'mysecret', 'my-secret', 'supersecret', 'topsecret',
  'your-256-bit-secret', 'your-secret-key', 'jwt-secret', 'jwt_secret', 'jwtsecret', 'JWT_SECRET', 'changeme', 'change-me',
  'password', 'Password', 'password123', '123456', '12345678', '1234567890', 'qwerty', 'admin', 'test', 'testing', 'dev',
  'development', 'key', 'private', 'default', 'shhhhh', 'keyboard cat', 'hello', 's3cr3t', 'token', '',
];

/** Tokens live at most this long without being called long-lived. */
export const MAX_LIFETIME_SECONDS = 24 * 60 * 60;

const SENSITIVE_CLAIM = /pass(word)?|secret|ssn|social|card|cvv|pin$|private|iban|salary/i;

export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.trim().replace(/^Bearer\s+/i, '').split('.');
  if (parts.length !== 3) return undefined;
  const header = parseSegment(parts[0]!);
  const payload = parseSegment(parts[1]!);
  if (!header || !payload) return undefined;
  return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: parts[2]! };
}

function parseSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const HMAC: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/** The secret from GUESSABLE_SECRETS that signed this HMAC token, if any. Never reported, only its existence. */
export function guessSecret(jwt: DecodedJwt): string | undefined {
  const algorithm = HMAC[String(jwt.header.alg)];
  if (!algorithm || !jwt.signature) return undefined;
  let expected: Buffer;
  try {
    expected = Buffer.from(jwt.signature, 'base64url');
  } catch {
    return undefined;
  }
  for (const secret of GUESSABLE_SECRETS) {
    const actual = createHmac(algorithm, secret).update(jwt.signingInput).digest();
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return secret;
  }
  return undefined;
}

/** Weaknesses of one token as observed at `observedAt` (epoch ms; lifetime is measured from `iat` when present). */
export function analyzeJwt(jwt: DecodedJwt, observedAt: number): JwtAnalysis {
  const weaknesses: JwtWeakness[] = [];
  const alg = String(jwt.header.alg ?? 'none');
  if (alg.toLowerCase() === 'none' || jwt.signature === '') weaknesses.push('jwt-alg-none');
  else if (guessSecret(jwt) !== undefined) weaknesses.push('jwt-weak-secret');
  const exp = typeof jwt.payload.exp === 'number' ? jwt.payload.exp : undefined;
  const iat = typeof jwt.payload.iat === 'number' ? jwt.payload.iat : undefined;
  let lifetimeSeconds: number | undefined;
  if (exp === undefined) weaknesses.push('jwt-no-exp');
  else {
    const from = iat ?? (Number.isFinite(observedAt) ? observedAt / 1000 : undefined);
    if (from !== undefined) {
      lifetimeSeconds = Math.round(exp - from);
      if (lifetimeSeconds > MAX_LIFETIME_SECONDS) weaknesses.push('jwt-long-lifetime');
    }
  }
  const claims = Object.keys(jwt.payload);
  const sensitiveClaims = claims.filter((claim) => {
    if (SENSITIVE_CLAIM.test(claim)) return true;
    const classes = classifyValue(claim, jwt.payload[claim]);
    return classes.some((dataClass) => dataClass !== 'email' && dataClass !== 'ip-address');
  });
  if (sensitiveClaims.length > 0) weaknesses.push('jwt-sensitive-claims');
  return { alg, weaknesses, claims, sensitiveClaims, lifetimeSeconds };
}
