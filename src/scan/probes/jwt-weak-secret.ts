import { decodeJwt, guessSecret, GUESSABLE_SECRETS } from '../../traffic/jwt.js';
import type { ScanContext } from '../context.js';
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
      context.redactor.register(secret, 'RAMPART_JWT_SECRET', 'secret');
      const jwt = decodeJwt(token)!;
      const now = Math.floor(Date.now() / 1000);
      const forged = signHmacJwt(jwt.header, { ...jwt.payload, iat: now, exp: now + 300, rampart: 'forged' }, secret);
      context.redactor.register(forged, 'RAMPART_FORGED_TOKEN');
      const exchanges = [];
      if (session.loginExchange) exchanges.push({ label: `${session.name} login (token obtained legitimately)`, exchange: session.loginExchange });
      const target = context.api.operations.find((operation) => operation.method === 'get' && declaresAuth(operation) && !context.isAdmin(operation) && context.exampleInput(operation, session));
      let accepted = false;
      const apply = session.config.apply;
      if (target && 'header' in apply) {
        const example = context.exampleInput(target, session)!;
        const proof = await context.send(target, example.input, { identity: null, probe: 'jwt-weak-secret', attack: true, headers: { [apply.header]: apply.value.replace('{token}', forged) } });
        if (proof) {
          exchanges.push({ label: 'forged token (signed by the scanner with the cracked secret)', exchange: proof });
          accepted = is2xx(proof.response?.status);
        }
      }
      const login = context.api.operations.find((operation) => operation.path === session.config.login?.path && operation.method === session.config.login.method.toLowerCase());
      context.report(
        rules.weakSecret,
        login ? { operation: login } : { method: session.config.login?.method ?? 'GET', path: session.config.login?.path ?? '/' },
        `The ${String(jwt.header.alg)} JWT issued to ${session.name} is signed with a ${secret.length}-character secret from the built-in wordlist${accepted ? '; a token forged with it was accepted' : ''}.`,
        exchanges,
        { alg: jwt.header.alg, secretLength: secret.length, forgedTokenAccepted: accepted },
      );
      return;
    }
  },
});
