import { decodeJwt, guessSecret, GUESSABLE_SECRETS } from '../../traffic/jwt.js';
import type { ScanContext } from '../context.js';
import { quote } from '../evidence.js';
import { declaresAuth } from '../operations.js';
import { defineProbe, is2xx, rule } from '../probe.js';
import { signHmacJwt } from './authentication.js';

const rules = {
  weakSecret: rule('scan-jwt-weak-secret', 'error', 'API2:2023', 'CWE-1391', 'JWTs are signed with an HMAC secret found in a wordlist: anyone can forge tokens.', 'Sign with a random secret of at least 256 bits (or an asymmetric key) kept out of source code; rotate it.'),
};

/** The wordlist entry that signed `token`, if any: cracked offline, no request sent. */
export function crackToken(token: string): string | undefined {
  const jwt = decodeJwt(token);
  return jwt ? guessSecret(jwt) : undefined;
}

const HMAC_DIGESTS: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const BASE64URL = "openssl base64 -A | tr '+/' '-_' | tr -d '='";

/**
 * Shell lines that make `$RAMPART_FORGED_TOKEN` from `$RAMPART_JWT_SECRET`, with a fresh iat/exp.
 * The report gives this recipe instead of the forged token: that token is a live credential for
 * the identity until it expires, and the secret that signs it is withheld like every secret.
 */
export function forgedTokenRecipe(header: Record<string, unknown>, claims: Record<string, unknown>): string[] {
  const json = JSON.stringify({ ...claims, iat: 'RAMPART-IAT', exp: 'RAMPART-EXP', rampart: 'forged' });
  // printf reads `%` and `\` in its format: the claims' own are doubled; the times become %d.
  const format = json.replace(/%/g, '%%').replace(/\\/g, '\\\\').replace('"RAMPART-IAT"', '%d').replace('"RAMPART-EXP"', '%d');
  const now = '"$(date +%s)"';
  const later = '"$(($(date +%s) + 300))"';
  const times = json.indexOf('RAMPART-IAT') < json.indexOf('RAMPART-EXP') ? `${now} ${later}` : `${later} ${now}`;
  const digest = HMAC_DIGESTS[String(header.alg)] ?? 'sha256';
  return [
    `h=$(printf '%s' ${quote(JSON.stringify(header))} | ${BASE64URL})`,
    `p=$(printf ${quote(format)} ${times} | ${BASE64URL})`,
    `RAMPART_FORGED_TOKEN="$h.$p.$(printf '%s' "$h.$p" | openssl dgst -${digest} -hmac "$RAMPART_JWT_SECRET" -binary | ${BASE64URL})"`,
  ];
}

export default defineProbe({
  id: 'jwt-weak-secret',
  description: `Cracks the HMAC secret of a JWT the scanner obtained legitimately, offline, against ${GUESSABLE_SECRETS.length} known weak secrets; then proves it with a forged token.`,
  falsePositivePolicy: 'A match is exact (the HMAC of the token recomputed with the candidate): no guessing. The forged-token request only adds proof; the secret itself is never reported.',
  rules,
  async run(context: ScanContext) {
    const withTokens = context.sessions.filter((session) => session.token && decodeJwt(session.token));
    if (withTokens.length === 0) {
      context.skip('jwt-weak-secret', 'no identity holds a JWT');
      return;
    }
    for (const session of withTokens) {
      const token = session.token!;
      const secret = crackToken(token);
      if (secret === undefined) continue;
      // A wordlist word: redacted only where a secret may stand, never in paths or data (`/admin/users`).
      context.redactor.register(secret, 'RAMPART_JWT_SECRET', { kind: 'secret', about: 'the API\'s JWT signing secret, withheld (the scan-jwt-weak-secret finding says which list it is in)' });
      const jwt = decodeJwt(token)!;
      const now = Math.floor(Date.now() / 1000);
      const forged = signHmacJwt(jwt.header, { ...jwt.payload, iat: now, exp: now + 300, rampart: 'forged' }, secret);
      // The claims as evidence shows them (a sensitive claim blanked); the recipe signs these.
      const claims = context.redactor.json(jwt.payload) as Record<string, unknown>;
      context.redactor.register(forged, 'RAMPART_FORGED_TOKEN', { about: 'a token the scanner forged with the cracked secret: the scan-jwt-weak-secret finding\'s proof makes one' });
      const exchanges = [];
      if (session.loginExchange) exchanges.push({ label: `${session.name} login (token obtained legitimately)`, exchange: session.loginExchange });
      const target = context.api.operations.find((operation) => operation.method === 'get' && declaresAuth(operation) && !context.isAdmin(operation) && context.exampleInput(operation, session));
      let accepted = false;
      let forgedSent = false;
      const apply = session.config.apply;
      if (target && 'header' in apply) {
        const example = context.exampleInput(target, session)!;
        const proof = await context.send(target, example.input, { identity: null, probe: 'jwt-weak-secret', attack: true, headers: { [apply.header]: apply.value.replace('{token}', forged) } });
        if (proof) {
          exchanges.push({ label: 'forged token (signed by the scanner with the cracked secret)', exchange: proof });
          accepted = is2xx(proof.response?.status);
          forgedSent = true;
        }
      }
      const login = context.api.operations.find((operation) => operation.path === session.config.login?.path && operation.method === session.config.login.method.toLowerCase());
      context.report(
        rules.weakSecret,
        login ? { operation: login } : { method: session.config.login?.method ?? 'GET', path: session.config.login?.path ?? '/' },
        `The ${String(jwt.header.alg)} JWT issued to ${session.name} is signed with a ${secret.length}-character secret from the built-in wordlist${accepted ? '; a token forged with it was accepted' : ''}.`,
        exchanges,
        { alg: jwt.header.alg, secretLength: secret.length, forgedTokenAccepted: accepted, ...(forgedSent ? { forgedToken: { header: jwt.header, claims } } : {}) },
        forgedSent
          ? {
              preface: [
                `# $RAMPART_FORGED_TOKEN is ${session.name}'s JWT re-signed by the scanner; it and the cracked secret are withheld. To make a fresh one,`,
                `# set RAMPART_JWT_SECRET to the API's signing secret (the ${secret.length}-character word of Rampart's JWT wordlist that signs ${session.name}'s token), then:`,
                ...forgedTokenRecipe(jwt.header, claims),
              ],
            }
          : {},
      );
      return;
    }
  },
});
