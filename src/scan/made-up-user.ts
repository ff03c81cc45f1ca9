import { randomBytes } from 'node:crypto';
import type { Operation } from '../spec/api.js';
import { jsonBody } from './operations.js';
import { validate } from './schema.js';

/**
 * A user name no account has, shaped like a real one: an e-mail address at the same domain when
 * the real name is one, letters and digits only when it is. A login that validates its input
 * refuses a malformed name (422 "must be an e-mail address") before it looks for the account, so
 * a made-up name of another shape tests the validator, not failed logins or user lookup.
 */
export function madeUpUserName(real: string, tag: string, options: { mailable?: boolean } = {}): string {
  const suffix = randomBytes(4).toString('hex');
  const at = real.lastIndexOf('@');
  // An address an API may send mail to (a password reset) stays at the reserved example.com: the
  // scanner must not make the target write to a domain the user never named.
  if (at > 0) return `rampart-${tag}-${suffix}${options.mailable ? '@example.com' : real.slice(at)}`;
  if (/^[A-Za-z0-9]+$/.test(real)) return `rampart${tag}${suffix}`;
  return `rampart-${tag}-${suffix}`;
}

/**
 * Why the description's JSON schema refuses `body` when it accepts `reference` (the configured
 * login), if it does: an answer to such a body is a validation error, not a login failure.
 */
export function refusedBySchema(operation: Operation | undefined, body: unknown, reference: unknown): string | undefined {
  const schema = operation ? jsonBody(operation)?.schema : undefined;
  if (!schema || (validate(schema, 'request', reference)?.length ?? 0) > 0) return undefined;
  const errors = validate(schema, 'request', body);
  return errors && errors.length > 0 ? errors.join('; ') : undefined;
}
