import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { RampartError } from '../../core/errors.js';
import { readScanConfig } from '../config.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rampart-scan-config-'));
mkdirSync(path.join(dir, 'keys'));
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(path.join(dir, 'keys', 'signing.pem'), rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(path.join(dir, 'keys', 'public.pem'), rsa.publicKey.export({ type: 'spki', format: 'pem' }));
const env = { JWT_SECRET: 'from-the-environment', KEY_FILE: 'keys/signing.pem' };

let count = 0;
function read(text: string): ReturnType<typeof readScanConfig> {
  const file = path.join(dir, `rampart-${++count}.yaml`);
  writeFileSync(file, text);
  return readScanConfig(file, dir, env);
}

const identity = (name: string, extra = '') => `    - name: ${name}\n      headers: { X-Key: ${name}-key }\n${extra}`;

test('scan config: jwt signing keys, scan-wide and per identity', () => {
  const shared = read(`scan:\n  jwt: { secret: '\${JWT_SECRET}', subjectClaim: uid }\n  identities:\n${identity('ann')}${identity('ben', '      jwt: { privateKeyFile: keys/signing.pem, algorithm: PS256 }\n')}`);
  const [ann, ben] = shared.identities;
  assert.deepEqual(ann!.jwt, { key: { secret: 'from-the-environment' }, algorithm: undefined, subjectClaim: 'uid' });
  assert.ok(ben!.jwt && 'privateKey' in ben.jwt.key);
  assert.equal(ben.jwt.key.privateKey.asymmetricKeyType, 'rsa');
  assert.deepEqual([ben.jwt.algorithm, ben.jwt.subjectClaim], ['PS256', undefined]);

  const fromEnv = read(`scan:\n  identities:\n${identity('cy', "      jwt: { privateKeyFile: '${KEY_FILE}' }\n")}`);
  assert.ok(fromEnv.identities[0]!.jwt && 'privateKey' in fromEnv.identities[0]!.jwt.key);
  const pem = read(`scan:\n  identities:\n${identity('di', `      jwt:\n        privateKey: |\n${(rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).trim().split('\n').map((line) => `          ${line}`).join('\n')}\n`)}`);
  assert.ok(pem.identities[0]!.jwt && 'privateKey' in pem.identities[0]!.jwt.key);
  assert.equal(read(`scan:\n  identities:\n${identity('ed')}`).identities[0]!.jwt, undefined);
});

test('scan config: jwt mistakes are one-line errors with the key path and line', () => {
  const cases: [string, string][] = [
    [`scan:\n  jwt: { secret: a, privateKeyFile: keys/signing.pem }\n`, 'scan.jwt: give exactly one of secret (HMAC), privateKey (PEM) or privateKeyFile, not secret and privateKeyFile (line 2)'],
    [`scan:\n  jwt: { algorithm: HS256 }\n`, 'scan.jwt: give exactly one of secret (HMAC), privateKey (PEM) or privateKeyFile (line 2)'],
    [`scan:\n  jwt: secret\n`, 'scan.jwt: expected a mapping with secret, privateKey or privateKeyFile (line 2)'],
    [`scan:\n  jwt:\n    secret: '\${NOT_SET}'\n`, 'scan.jwt.secret: environment variable NOT_SET is not set (line 3)'],
    [`scan:\n  jwt:\n    secret: 12345\n`, 'scan.jwt.secret: expected a non-empty string (line 3)'],
    [`scan:\n  jwt:\n    secret: s\n    kid: one\n`, 'scan.jwt.kid: unknown key; expected one of secret, privateKey, privateKeyFile, algorithm, subjectClaim (line 4)'],
    [`scan:\n  jwt:\n    secret: s\n    algorithm: none\n`, 'scan.jwt.algorithm: expected HS256/384/512, RS…, PS…, ES… or EdDSA, got "none" (line 4)'],
    [`scan:\n  jwt:\n    privateKeyFile: keys/missing.pem\n`, 'scan.jwt.privateKeyFile: cannot read keys/missing.pem (line 3)'],
    [`scan:\n  jwt:\n    privateKeyFile: keys/public.pem\n`, 'scan.jwt.privateKeyFile: not a PEM private key (RSA, EC or Ed25519/Ed448; a public key cannot sign) (line 3)'],
    [`scan:\n  identities:\n${identity('ann', '      jwt: { secret: s, subjectClaim: [sub] }\n')}`, 'scan.identities[0].jwt.subjectClaim: expected a string (line 5)'],
  ];
  for (const [text, expected] of cases) {
    assert.throws(
      () => read(text),
      (error: unknown) => {
        assert.ok(error instanceof RampartError, String(error));
        assert.equal(error.code, 'RAMPART_CONFIG_INVALID');
        assert.equal(`${error.message} (line ${error.position?.line})`, expected);
        return true;
      },
      expected,
    );
  }
});

test('scan config: a login or refresh path must stay on the target (one-line error with its line, not a crash when sent)', () => {
  const login = (path: string, key = 'login') => `scan:\n  identities:\n    - name: ann\n      ${key}:\n        method: POST\n        path: '${path}'\n`;
  const cases: [string, string, string | undefined][] = [
    ['a path on the target', login('/auth/login'), undefined],
    ['a path with a doubled slash inside', login('/auth//login'), undefined],
    ['a full URL', login('http://127.0.0.1:18183/login'), 'scan.identities[0].login.path: expected a path on the target (/…), got "http://127.0.0.1:18183/login" (line 6)'],
    ['a scheme-relative URL (another host)', login('//127.0.0.1:18183/login'), 'scan.identities[0].login.path: expected a path on the target (/…), got "//127.0.0.1:18183/login" (line 6)'],
    ['a backslash that URL parsing reads as a slash', login('/\\127.0.0.1:18183/login'), 'scan.identities[0].login.path: expected a path on the target (/…), got "/\\127.0.0.1:18183/login" (line 6)'],
    ['a refresh to another host', login('//evil.invalid/refresh', 'refresh'), 'scan.identities[0].refresh.path: expected a path on the target (/…), got "//evil.invalid/refresh" (line 6)'],
    ['a relative path', login('auth/login'), 'scan.identities[0].login.path: expected a path on the target (/…), got "auth/login" (line 6)'],
  ];
  for (const [name, text, expected] of cases) {
    if (expected === undefined) {
      assert.doesNotThrow(() => read(text), name);
      continue;
    }
    assert.throws(
      () => read(text),
      (error: unknown) => {
        assert.ok(error instanceof RampartError, String(error));
        assert.equal(error.code, 'RAMPART_CONFIG_INVALID', name);
        assert.equal(`${error.message} (line ${error.position?.line})`, expected, name);
        return true;
      },
      name,
    );
  }
});
