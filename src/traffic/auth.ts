import { createHash } from 'node:crypto';
import type { Exchange } from './exchange.js';
import { analyzeJwt, decodeJwt, type JwtAnalysis } from './jwt.js';

export type AuthKind = 'none' | 'bearer-jwt' | 'bearer' | 'basic' | 'api-key-header' | 'api-key-query' | 'cookie-session' | 'mtls';

export interface AuthSeen {
  kinds: AuthKind[];
  /** Hashed identities: `jwt-sub:…`, `api-key:…`, `basic:…`, `session:…` (12 hex of SHA-256). */
  identities: string[];
  jwt?: JwtAnalysis;
  /** A credential was presented at all. */
  authenticated: boolean;
}

const API_KEY_HEADERS = ['x-api-key', 'api-key', 'apikey', 'x-auth-token', 'x-access-token', 'x-apikey', 'ocp-apim-subscription-key'];
const API_KEY_QUERY = /^(api[-_]?key|apikey|key|access[-_]?token|token|auth)$/i;
const SESSION_COOKIE = /^(session|sessionid|sid|connect\.sid|jsessionid|phpsessid|asp\.net_sessionid|_session|.*[-_]session)$/i;

export function hashIdentity(kind: string, value: string): string {
  return `${kind}:${createHash('sha256').update(value).digest('hex').slice(0, 12)}`;
}

/** The same token comes back on every call: analyse it once (the secret guess costs ~40 HMACs). */
const analyses = new Map<string, JwtAnalysis>();
const ANALYSIS_CACHE = 10_000;

function cachedAnalysis(token: string, analyze: () => JwtAnalysis): JwtAnalysis {
  let analysis = analyses.get(token);
  if (!analysis) {
    if (analyses.size >= ANALYSIS_CACHE) analyses.clear();
    analysis = analyze();
    analyses.set(token, analysis);
  }
  return analysis;
}

/** Which credentials a request carries, and who they name (hashed). */
export function detectAuth(exchange: Exchange, url?: URL): AuthSeen {
  const kinds: AuthKind[] = [];
  const identities: string[] = [];
  let jwt: JwtAnalysis | undefined;
  const headers = exchange.request.headers;
  const authorization = headers.authorization ?? headers['proxy-authorization'];
  if (authorization) {
    const [scheme, ...rest] = authorization.trim().split(/\s+/);
    const credential = rest.join(' ');
    if (/^bearer$/i.test(scheme ?? '')) {
      const decoded = decodeJwt(credential);
      if (decoded) {
        kinds.push('bearer-jwt');
        jwt = cachedAnalysis(credential, () => analyzeJwt(decoded, exchange.startedAt));
        const sub = decoded.payload.sub;
        identities.push(hashIdentity('jwt-sub', typeof sub === 'string' || typeof sub === 'number' ? String(sub) : credential));
      } else {
        kinds.push('bearer');
        identities.push(hashIdentity('bearer', credential));
      }
    } else if (/^basic$/i.test(scheme ?? '')) {
      kinds.push('basic');
      const user = Buffer.from(credential, 'base64').toString('utf8').split(':')[0] ?? '';
      identities.push(hashIdentity('basic', user));
    } else {
      kinds.push('bearer');
      identities.push(hashIdentity('authorization', authorization));
    }
  }
  for (const name of API_KEY_HEADERS) {
    const value = headers[name];
    if (value) {
      kinds.push('api-key-header');
      identities.push(hashIdentity('api-key', value));
      break;
    }
  }
  if (url) {
    for (const [name, value] of url.searchParams) {
      if (API_KEY_QUERY.test(name) && value.length >= 8) {
        kinds.push('api-key-query');
        identities.push(hashIdentity('api-key', value));
        break;
      }
    }
  }
  const cookie = headers.cookie;
  if (cookie) {
    for (const part of cookie.split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name && SESSION_COOKIE.test(name)) {
        kinds.push('cookie-session');
        identities.push(hashIdentity('session', value.join('=')));
        break;
      }
    }
  }
  if (exchange.clientCertificate) kinds.push('mtls');
  const authenticated = kinds.length > 0;
  if (!authenticated) kinds.push('none');
  return { kinds, identities, jwt, authenticated };
}
