/** Name patterns shared by the security rules: what counts as a credential, PII, a URL, a server-set field. */
import { squash, words } from './api.js';

/** Credentials that must never travel in a URL (Spectral's list, plus `api_key` spellings). */
export const CREDENTIAL_NAME = /(client_?secret|token|access_?token|refresh_?token|id_?token|password|secret|api[-_]?key)/i;

/** Opaque pagination and sync cursors are called tokens but carry no authority. */
export const PAGINATION_TOKEN = /(page|next|prev|previous|continuation|pagination|sync|cursor|starting|ending|after|before|offset|resume|marker)[-_]?token/i;

/** Fields a response must never carry in clear: credentials and payment/identity secrets. */
const NEVER_RETURNED = new Set(['password', 'passwd', 'pwd', 'cvv', 'cvc', 'cvv2', 'cvc2', 'securitycode', 'cardsecuritycode', 'ssn', 'socialsecuritynumber', 'pin', 'pan', 'cardnumber', 'primaryaccountnumber', 'privatekey', 'clientsecret', 'secret', 'apisecret']);

/** Credential fields a client sends: they should be `writeOnly`. */
const WRITE_ONLY = new Set(['password', 'passwd', 'pwd', 'newpassword', 'oldpassword', 'currentpassword', 'cvv', 'cvc', 'cvv2', 'cvc2', 'securitycode', 'pin', 'privatekey', 'clientsecret', 'secret', 'apisecret']);

/** Personal data that must not appear in a URL (logs, history, referrers keep URLs). */
const PII_IN_URL = new Set(['ssn', 'socialsecuritynumber', 'cardnumber', 'pan', 'cvv', 'cvc', 'iban', 'dob', 'dateofbirth', 'birthdate', 'birthday', 'taxid', 'passportnumber', 'passport', 'nationalid']);

/** Properties the server sets; a client able to write them is a mass-assignment risk. */
const SERVER_CONTROLLED = new Set([
  'id', 'createdat', 'createdon', 'createdtime', 'creationdate', 'updatedat', 'updatedon', 'modifiedat', 'modifiedon', 'lastmodified', 'deletedat',
  'createdby', 'updatedby', 'role', 'roles', 'isadmin', 'admin', 'issuperuser', 'superuser', 'owner', 'ownerid', 'permissions', 'isverified', 'emailverified', 'verified',
]);

export function isNeverReturned(name: string): boolean {
  return NEVER_RETURNED.has(squash(name));
}

export function isWriteOnlyCredential(name: string): boolean {
  return WRITE_ONLY.has(squash(name));
}

export function isPiiName(name: string): boolean {
  return PII_IN_URL.has(squash(name));
}

export function isServerControlled(name: string): boolean {
  return SERVER_CONTROLLED.has(squash(name));
}

/** Names about a credential rather than the credential itself: `api_key_ids`, `api_key_uuid` (DigitalOcean), `token_type`, `secret_name`. */
const CREDENTIAL_METADATA = /(^|[-_])(ids?|uuids?|guids?|names?|types?|hints?|counts?|prefix(es)?|status|expir\w*)$/i;

export function isCredentialName(name: string): boolean {
  return CREDENTIAL_NAME.test(name) && !PAGINATION_TOKEN.test(name) && !CREDENTIAL_METADATA.test(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2'));
}

/** The words `isOutboundUrlName` needs one of as its last (or only) word, anywhere in any case. */
const OUTBOUND_URL_PIECE = /url|uri|endpoint|href|callback|webhook/i;

/** Names of URL-valued inputs the server will call back or redirect to (SSRF / unsafe consumption). */
export function isOutboundUrlName(name: string): boolean {
  // Every word is a piece of the name: without one of these pieces no split can match (most names).
  if (!OUTBOUND_URL_PIECE.test(name)) return false;
  const parts = words(name);
  const last = parts.at(-1);
  const urlish = last === 'url' || last === 'uri' || last === 'endpoint' || last === 'href';
  const outbound = parts.some((word) => ['callback', 'webhook', 'hook', 'notify', 'notification', 'redirect', 'return', 'cancel', 'success', 'failure', 'target', 'destination', 'postback', 'ipn'].includes(word));
  return (urlish && outbound) || (parts.length === 1 && (last === 'callback' || last === 'webhook'));
}

/** Final path words of RPC-style reads and previews sent as POST (Plaid's `/transfer/event/list`, `/accounts/get`). */
const READ_ACTION = new Set(['get', 'list', 'search', 'retrieve', 'query', 'lookup', 'fetch', 'find', 'preview', 'estimate', 'calculate', 'count', 'export']);

/** Does the path end in a static segment that names a read (`…/list`, `…/get`)? */
export function endsInReadAction(path: string): boolean {
  const last = path.split('/').at(-1) ?? '';
  return last !== '' && !last.startsWith('{') && words(last).some((word) => READ_ACTION.has(word));
}
