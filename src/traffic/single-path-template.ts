import { decodeUriComponentSafely } from '../core/text.js';
import { parameterName, splitPath, uniqueName } from './path-templater.js';
import { classifySegment } from './value-types.js';

/** Longest plain word kept literal: longer ones are more likely values than resource names. */
const MAX_LITERAL_LENGTH = 40;
/** Characters a resource name is written in (RFC 3986 unreserved); anything else is a value. */
const LITERAL_CHARACTERS = /^[A-Za-z0-9._~-]+$/;
const VERSION = /^v\d+(\.\d+)*$/i;
/** Letters joined by single separators (`orders`, `password-reset`, `app.js`): how resource names look, and identifiers almost never. */
const PLAIN_WORD = /^[A-Za-z]+(?:[-_.][A-Za-z]+)*$/;

/**
 * The template of one path seen on its own (`/users/carol@example.com` → `/users/{userId}`), for
 * the proxy, which must name an undocumented request before the next one arrives and so has
 * neither discover's second value nor its cardinality: a segment `PathTemplater` would parameterise
 * at once (integer, UUID, ULID, long hex, date, e-mail, long token, personal data), or after a
 * second value (slug with digits, short hex, shorter token), is a parameter here at once; so is
 * anything not written like a resource name: with a digit (`acc_100`, `user12`; versions such as
 * `v2` apart), a space, an `@`, or over 40 characters. Plain words stay literal (a user name such
 * as `carol` cannot be told from a resource name without the cardinality discover counts).
 * Parameters are named as discover names them.
 */
export function templateSinglePath(pathname: string): { path: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const template: string[] = [];
  for (const raw of splitPath(pathname)) {
    const decoded = decodeUriComponentSafely(raw);
    if (isLiteral(decoded)) {
      template.push(raw);
      continue;
    }
    const name = uniqueName(parameterName(template), (taken) => Object.hasOwn(params, taken));
    params[name] = decoded;
    template.push(`{${name}}`);
  }
  return { path: '/' + template.join('/'), params };
}

function isLiteral(segment: string): boolean {
  if (segment.length > MAX_LITERAL_LENGTH || !LITERAL_CHARACTERS.test(segment)) return false;
  if (/\d/.test(segment)) return VERSION.test(segment);
  // The common case (and every reserved word: `me`, `search`…), decided without the classifiers:
  // this runs for each segment of every undocumented request.
  if (PLAIN_WORD.test(segment)) return true;
  return classifySegment(segment).strength === 'none';
}
