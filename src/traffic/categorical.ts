/**
 * Which observed strings may be printed as an inferred `enum`. An inferred schema is output (the
 * inventory, `--openapi`), and traffic carries personal data and secrets, so only values that are
 * clearly categories qualify: short words in one case style (`active`, `in_progress`, `IN_PROGRESS`,
 * `inProgress`), in a field whose name, and whose parents' names, say nothing personal, secret or
 * free-form. Names (`John Smith`), addresses, PINs, codes and tokens never match the word shape
 * (capitals, spaces, digits); a word that does (`hunter`, `smith`) still needs an innocent field name.
 */

/** Longest value that can be a category. */
export const MAX_CATEGORY_LENGTH = 32;

// Lower words joined by `_`/`-`, UPPER_SNAKE, or lowerCamel: never Title Case (names), digits or spaces.
const CATEGORY_TOKEN = /^(?:[a-z]+(?:[_-][a-z]+)*|[A-Z]+(?:_[A-Z]+)*|[a-z]+(?:[A-Z][a-z]+)+)$/;

/** Words of a field name that mean personal data, a credential or free text. */
const SENSITIVE_WORDS = new Set([
  // credentials and secrets
  'password', 'passwd', 'pass', 'pwd', 'passphrase', 'passcode', 'secret', 'token', 'key', 'apikey', 'pin', 'otp', 'totp', 'mfa', 'cvv', 'cvc',
  'credential', 'credentials', 'auth', 'authorization', 'cookie', 'session', 'signature', 'sig', 'salt', 'hash', 'nonce', 'recovery', 'backup',
  'verification', 'reset', 'code', 'challenge', 'private', 'seed', 'mnemonic',
  // personal data
  'name', 'firstname', 'lastname', 'fullname', 'surname', 'username', 'nickname', 'user', 'login', 'email', 'mail', 'phone', 'mobile', 'tel', 'fax',
  'address', 'street', 'city', 'zip', 'zipcode', 'postal', 'postcode', 'birth', 'birthday', 'birthdate', 'dob', 'age', 'gender', 'sex', 'ip', 'iban',
  'card', 'account', 'ssn', 'passport', 'license', 'licence', 'tax', 'vat', 'nationality', 'religion', 'ethnicity', 'health', 'salary', 'income',
  'location', 'latitude', 'longitude', 'lat', 'lng', 'lon', 'geo', 'owner', 'customer', 'contact', 'person', 'recipient', 'sender',
  // free text and locations of things
  'comment', 'comments', 'message', 'msg', 'note', 'notes', 'text', 'description', 'desc', 'body', 'content', 'title', 'summary', 'bio', 'about',
  'query', 'q', 'search', 'term', 'keyword', 'reason', 'feedback', 'subject', 'caption', 'remark', 'memo', 'url', 'uri', 'link', 'href', 'path',
  'file', 'filename', 'host', 'domain',
]);
/** Credential words that also hide inside one lower-case word (`accesstoken`, `userpassword`, `clientsecret`). */
const SENSITIVE_INSIDE = /pass(word|wd|code|phrase)|secret|token|apikey|credential/;

const memo = new Map<string, boolean>();
const MEMO_CAP = 4096;

/** Does the field name (a JSON key, a parameter name) say its values are personal, secret or free text? */
export function isSensitiveFieldName(name: string): boolean {
  let sensitive = memo.get(name);
  if (sensitive !== undefined) return sensitive;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  sensitive = words.some((word) => SENSITIVE_WORDS.has(word) || SENSITIVE_INSIDE.test(word));
  // The sketch asks for every key of every sample: remember the answer, in bounded memory.
  if (memo.size >= MEMO_CAP) memo.clear();
  memo.set(name, sensitive);
  return sensitive;
}

/** Is the value shaped like a category (a short word), whatever its field? */
export function isCategoryToken(value: string): boolean {
  return value.length > 0 && value.length <= MAX_CATEGORY_LENGTH && CATEGORY_TOKEN.test(value);
}
