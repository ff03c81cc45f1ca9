import { createHmac, randomBytes } from 'node:crypto';
import { decodeJwt, guessSecret } from '../../traffic/jwt.js';
import type { ScanContext } from '../context.js';
import { signJwt, type JwtKey } from '../jwt-sign.js';
import { declaresAuth, operationKey } from '../operations.js';
import { defineProbe, is2xx, rule, sameShape } from '../probe.js';
import type { ScanResponse } from '../types.js';

const rules = {
  noCredentials: rule('scan-auth-missing', 'error', 'API2:2023', 'CWE-306', 'An operation that declares security answers 2xx without credentials.', 'Enforce authentication on every operation that declares security; deny by default.'),
  invalidToken: rule('scan-auth-invalid-token-accepted', 'error', 'API2:2023', 'CWE-287', 'An operation answers 2xx to a made-up token.', 'Validate tokens on every request; reject unknown or malformed ones with 401.'),
  algNone: rule('scan-jwt-alg-none', 'error', 'API2:2023', 'CWE-347', 'A JWT re-written with `alg: none` and no signature is accepted.', 'Verify JWTs with an explicit algorithm allow-list; never accept `none`.'),
  tampered: rule('scan-jwt-signature-not-verified', 'error', 'API2:2023', 'CWE-347', 'A JWT with a tampered signature is accepted.', 'Verify every JWT signature before trusting its claims.'),
  expired: rule('scan-jwt-expired-accepted', 'error', 'API2:2023', 'CWE-613', 'An expired JWT is accepted.', 'Check `exp` (and `nbf`) on every request, with little clock skew.'),
  unknownSubject: rule('scan-jwt-unknown-subject-accepted', 'warning', 'API2:2023', 'CWE-287', 'A validly signed JWT naming a user that does not exist is accepted: deleted or disabled accounts keep access until their tokens expire.', 'After verifying a token, load its subject and reject tokens whose user does not exist or is disabled.'),
};

/** Claims that name the user, in the order they are looked for. */
const SUBJECT_CLAIMS = ['sub', 'userId', 'user_id', 'uid', 'username', 'email'];

/** The claim naming the token's user: the configured one, else the first usual one present. */
export function subjectClaim(payload: Record<string, unknown>, configured?: string): string | undefined {
  if (configured) return payload[configured] === undefined ? undefined : configured;
  return SUBJECT_CLAIMS.find((claim) => typeof payload[claim] === 'string' || typeof payload[claim] === 'number');
}

/** A subject no account has: of the same type as the real one, random so it cannot collide. */
export function unknownSubject(real: unknown): string | number {
  const suffix = randomBytes(4).toString('hex');
  if (typeof real === 'number') return 2_000_000_000 + (parseInt(suffix, 16) % 100_000_000);
  if (typeof real === 'string' && real.includes('@')) return `rampart-nobody-${suffix}@example.invalid`;
  return `rampart-nobody-${suffix}`;
}

/** Operations checked per run: enough to prove a gap, few enough to stay quick. */
const MAX_OPERATIONS = 4;

/**
 * An attack response proves a bypass only when it succeeds and looks like the legitimate one
 * (same shape), so a 200 "please log in" page is not a finding.
 */
export function bypassVerdict(legitimate: Pick<ScanResponse, 'status' | 'json'> | undefined, attack: Pick<ScanResponse, 'status' | 'json'> | undefined): boolean {
  if (!legitimate || !attack || !is2xx(legitimate.status) || !is2xx(attack.status)) return false;
  return sameShape(legitimate.json, attack.json);
}

/** A JWT in a static header, and how to send another token in its place. */
export function staticJwt(headers: Record<string, string>): { token: string; scheme: { header: string; value: string } } | undefined {
  for (const [header, value] of Object.entries(headers)) {
    const token = /^(?:Bearer\s+)?(eyJ[\w-]*\.eyJ[\w-]*\.[\w-]*)$/i.exec(value.trim())?.[1];
    if (token && decodeJwt(token)) return { token, scheme: { header, value: value.replace(token, '{token}') } };
  }
  return undefined;
}

/** The same JWT with `alg: none` and an empty signature. */
export function algNoneToken(token: string, alg = 'none'): string | undefined {
  const jwt = decodeJwt(token);
  if (!jwt) return undefined;
  const header = Buffer.from(JSON.stringify({ ...jwt.header, alg })).toString('base64url');
  return `${header}.${jwt.signingInput.split('.')[1]}.`;
}

/** The same JWT with one signature character changed in the middle (the last one may carry unused bits). */
export function tamperedToken(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[2]!.length < 4) return undefined;
  const signature = parts[2]!;
  const middle = Math.floor(signature.length / 2);
  const swapped = signature[middle] === 'A' ? 'B' : 'A';
  return `${parts[0]}.${parts[1]}.${signature.slice(0, middle)}${swapped}${signature.slice(middle + 1)}`;
}

/** An HS* token with the given claims, signed with `secret`. */
export function signHmacJwt(header: Record<string, unknown>, claims: Record<string, unknown>, secret: string): string {
  const algorithm = ({ HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' } as Record<string, string>)[String(header.alg)] ?? 'sha256';
  const head = Buffer.from(JSON.stringify(header)).toString('base64url');
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${head}.${body}.${createHmac(algorithm, secret).update(`${head}.${body}`).digest('base64url')}`;
}

export default defineProbe({
  id: 'authentication',
  description: 'Secured operations called with no credentials, a made-up token, an alg:none JWT, a tampered signature, an expired JWT and a JWT for a user that does not exist (the last two signed with the configured jwt key or a cracked weak secret).',
  falsePositivePolicy:
    'Only operations the identity itself can call (2xx) are attacked, and an attack counts only when it gets 2xx with a body of the same shape. Anything else (a 200 login page, a 404) is not reported. Tokens minted with a configured key are judged only after a fresh token signed with it was accepted.',
  rules,
  async run(context: ScanContext) {
    const user = context.users()[0] ?? context.admin();
    if (!user) {
      context.skip('authentication', 'no identity logged in: nothing to compare attacks with');
      return;
    }
    const candidates = context.api.operations.filter((operation) => operation.method === 'get' && declaresAuth(operation));
    if (candidates.length === 0) context.skip('authentication', 'no GET operation declares security');
    let tested = 0;
    for (const operation of candidates) {
      if (tested >= MAX_OPERATIONS) break;
      const example = context.exampleInput(operation, user);
      if (!example) continue;
      const legit = await context.send(operation, example.input, { identity: user, probe: 'authentication' });
      if (!legit?.response || !is2xx(legit.response.status)) continue;
      tested++;
      const attempt = async (label: string, headers: Record<string, string>, check: typeof rules.noCredentials, message: string, shown?: string) => {
        if (shown) context.redactor.allow(shown);
        const attack = await context.send(operation, example.input, { identity: null, probe: 'authentication', attack: true, headers });
        if (attack && bypassVerdict(legit.response, attack.response)) {
          context.report(check, { operation }, `${operationKey(operation)} ${message} (${attack.response!.status}).`, [{ label: `${user.name} (legitimate)`, exchange: legit }, { label, exchange: attack }]);
        }
      };
      const credentialHeaders = Object.fromEntries(Object.keys(user.headers()).map((name) => [name, '']));
      await attempt('no credentials', credentialHeaders, rules.noCredentials, 'answered without credentials');
      // A JWT written as a static header (`Authorization: Bearer ${TOKEN}`) is attacked like a logged-in one.
      const fixed = user.token ? undefined : staticJwt(user.config.headers);
      const token = user.token ?? fixed?.token;
      if (!token) {
        // Static credentials: the same headers with made-up values.
        const madeUp = Object.fromEntries(Object.keys(user.headers()).map((name) => [name, name.toLowerCase() === 'cookie' ? 'session=rampart-invalid' : 'rampart-invalid-credential']));
        if (Object.keys(madeUp).length > 0) await attempt('made-up credentials', madeUp, rules.invalidToken, 'accepted made-up credentials', 'rampart-invalid-credential');
        continue;
      }
      const scheme = fixed?.scheme ?? ('header' in user.config.apply ? user.config.apply : undefined);
      if (!scheme) continue;
      const withToken = (token: string) => ({ ...credentialHeaders, [scheme.header]: scheme.value.replace('{token}', token) });
      await attempt('made-up token', withToken('rampart.invalid.token'), rules.invalidToken, 'accepted a made-up token', 'rampart.invalid.token');
      const jwt = decodeJwt(token);
      if (!jwt) continue;
      const none = algNoneToken(token);
      if (none) await attempt('alg:none JWT', withToken(none), rules.algNone, 'accepted a JWT with alg "none" and no signature', none);
      const tampered = tamperedToken(token);
      if (tampered) {
        context.redactor.register(tampered, 'RAMPART_TAMPERED_TOKEN', { about: `${user.name}'s token with a changed signature (one character in the middle of its last part changed)` });
        await attempt('tampered signature', withToken(tampered), rules.tampered, 'accepted a JWT whose signature was changed');
      }
      // Minted tokens need the signing key: the one the user configured, else a cracked weak secret.
      const configured = user.config.jwt;
      const cracked = configured ? undefined : guessSecret(jwt);
      const key: JwtKey | undefined = configured?.key ?? (cracked === undefined ? undefined : { secret: cracked });
      if (!key) {
        context.skip('authentication', 'expired-token and unknown-subject checks need tokens signed by the scanner: give the API\'s signing key as jwt: { secret | privateKey | privateKeyFile } in the scan configuration (the HMAC secret is not guessable)');
        continue;
      }
      const header = { ...jwt.header, alg: configured?.algorithm ?? jwt.header.alg };
      const mint = (claims: Record<string, unknown>, variable: string, what: string): string | undefined => {
        const signed = signJwt(header, claims, key);
        if (!signed.ok) {
          context.skip('authentication', `${what} not minted with the configured jwt key: ${signed.error}`);
          return undefined;
        }
        context.redactor.register(signed.token, variable, { about: `${what} the scanner signed with ${configured ? 'the configured jwt key' : 'the cracked weak secret'}` });
        return signed.token;
      };
      const now = Math.floor(Date.now() / 1000);
      if (configured) {
        // A configured key proves nothing until the API accepts a fresh token signed with it.
        const fresh = mint({ ...jwt.payload, iat: now, exp: now + 300 }, 'RAMPART_FRESH_TOKEN', 'a control token');
        if (!fresh) continue;
        const control = await context.send(operation, example.input, { identity: null, probe: 'authentication', attack: true, headers: withToken(fresh) });
        if (!control?.response || !bypassVerdict(legit.response, control.response)) {
          context.skip('authentication', `the configured jwt key signs tokens the API does not accept (a fresh token got ${control?.response?.status ?? control?.error ?? 'no answer'}): expired-token and unknown-subject checks not judged`, operation);
          continue;
        }
      }
      const expired = mint({ ...jwt.payload, iat: now - 7200, exp: now - 3600 }, 'RAMPART_EXPIRED_TOKEN', 'an expired token');
      if (expired) await attempt('expired JWT (exp one hour ago)', withToken(expired), rules.expired, 'accepted a JWT that expired an hour ago');
      const claim = subjectClaim(jwt.payload, configured?.subjectClaim);
      if (!claim) {
        context.skip('authentication', `unknown-subject check: the token names no user (${configured?.subjectClaim ?? SUBJECT_CLAIMS.join(', ')})`, operation);
        continue;
      }
      const nobody = mint({ ...jwt.payload, [claim]: unknownSubject(jwt.payload[claim]), iat: now, exp: now + 300 }, 'RAMPART_UNKNOWN_SUBJECT_TOKEN', 'a token for an unknown subject');
      if (nobody) await attempt(`JWT for a user that does not exist (${claim} changed)`, withToken(nobody), rules.unknownSubject, `accepted a validly signed JWT whose ${claim} names no existing user`);
    }
    if (tested === 0 && candidates.length > 0) context.skip('authentication', `none of the ${candidates.length} secured GET operations answered 2xx to ${user.name} with known IDs`);
  },
});
