import { constants, createHmac, sign, type KeyObject } from 'node:crypto';

/** A key the scanner may sign tokens with: an HMAC secret, or a private key (RSA, EC, Ed25519/Ed448). */
export type JwtKey = { secret: string } | { privateKey: KeyObject };

export type Signed = { ok: true; token: string } | { ok: false; error: string };

const HASH: Record<string, string> = { '256': 'sha256', '384': 'sha384', '512': 'sha512' };
const EC_CURVE: Record<string, string> = { ES256: 'prime256v1', ES384: 'secp384r1', ES512: 'secp521r1' };

/**
 * Signs `claims` with `header.alg` (HS*, RS*, PS*, ES*, EdDSA) and `key`. Refuses a key of the
 * wrong kind for the algorithm rather than producing a token the API would reject for that reason.
 */
export function signJwt(header: Record<string, unknown>, claims: Record<string, unknown>, key: JwtKey): Signed {
  const alg = String(header.alg ?? '');
  const head = Buffer.from(JSON.stringify(header)).toString('base64url');
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const input = `${head}.${body}`;
  const signed = signature(alg, input, key);
  return typeof signed === 'string' ? { ok: true, token: `${input}.${signed}` } : signed;
}

/** The base64url signature of `input`, or why `key` cannot make one for `alg`. */
function signature(alg: string, input: string, key: JwtKey): string | { ok: false; error: string } {
  const refuse = (error: string) => ({ ok: false as const, error });
  const family = /^(HS|RS|PS|ES)(256|384|512)$/.exec(alg);
  if (family?.[1] === 'HS') {
    if (!('secret' in key)) return refuse(`${alg} needs an HMAC secret (jwt.secret), not a private key`);
    return createHmac(HASH[family[2]!]!, key.secret).update(input).digest('base64url');
  }
  if (!('privateKey' in key)) return refuse(alg ? `${alg} needs a private key (jwt.privateKeyFile), not an HMAC secret` : 'the token has no alg header');
  const type = key.privateKey.asymmetricKeyType;
  if (family?.[1] === 'RS' || family?.[1] === 'PS') {
    if (type !== 'rsa' && type !== 'rsa-pss') return refuse(`${alg} needs an RSA private key, got ${type}`);
    const padding = family[1] === 'PS' ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(family[2]) / 8 } : {};
    return sign(HASH[family[2]!]!, Buffer.from(input), { key: key.privateKey, ...padding }).toString('base64url');
  }
  if (family?.[1] === 'ES') {
    const curve = key.privateKey.asymmetricKeyDetails?.namedCurve;
    if (type !== 'ec' || curve !== EC_CURVE[alg]) return refuse(`${alg} needs an EC private key on ${EC_CURVE[alg]}, got ${type}${curve ? ` on ${curve}` : ''}`);
    return sign(HASH[family[2]!]!, Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  }
  if (alg === 'EdDSA') {
    if (type !== 'ed25519' && type !== 'ed448') return refuse(`EdDSA needs an Ed25519 or Ed448 private key, got ${type}`);
    return sign(null, Buffer.from(input), key.privateKey).toString('base64url');
  }
  return refuse(`cannot sign with alg "${alg}"`);
}
