import { classifyValue, redact as redactValue } from '../traffic/classifiers/index.js';

const CREDENTIAL_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token|x-access-token|x-csrf-token)$/i;
/** Fields whose unknown values are blanked in evidence. */
const SECRET_FIELD = /passw(or)?d|^pass$|secret|token|api[_-]?key|authorization|credential|private[_-]?key|hash$|salt$/i;
/** Fields where a known secret (a password, a signing secret) may stand: login bodies register theirs by the same names. */
export const CREDENTIAL_FIELD = /pass|secret|key|token|auth|credential/i;
const JWT = /\beyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]*/g;
/** A whole `name=value&…` body (no spaces): read field by field like JSON. */
const FORM = /^[^=&\s]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/;

/**
 * What a registered value is, which decides where it is replaced by its variable:
 * - `credential` (a token, a cookie, an API key, a token the scanner signed): wherever it stands
 *   whole: a credential header's value or one of its parts (`Bearer …`, `sid=…`), the whole value
 *   of a body field, a whole word of a text body.
 * - `secret` (a password, a signing secret, a cracked wordlist secret): often a common word, so only
 *   as the whole value of a credential field (`password`). Never inside URLs, paths or other data,
 *   where `admin` is a path segment or a role: replacing it there would break the curl and name the
 *   secret to anyone comparing the report with the API.
 */
export type SecretKind = 'credential' | 'secret';

/**
 * Replaces credentials with names. Every secret the scan knows (tokens, passwords, cookies,
 * cracked keys) is registered with a shell variable name, so a `curl` stays copy-pasteable:
 * `"Authorization: Bearer $RAMPART_ALICE_TOKEN"`. Unknown credentials are blanked by header name,
 * JSON field name, JWT shape and the traffic data classifiers. Nothing is replaced inside a larger
 * string: only whole values where credentials live.
 */
export class Redactor {
  private readonly secrets = new Map<string, { variable: string; kind: SecretKind; about: string }>();
  /** Header names that carry credentials besides the usual ones (an identity's own `X-Session`). */
  private readonly credentialHeaders = new Set<string>();
  /** Values shown as they are even though they look like credentials (an unsigned `alg: none` token). */
  private readonly shown = new Set<string>();

  /** `about` tells a reader replaying a curl where to get the value (the report lists the variables its curls use). */
  register(value: string | undefined, variable: string, { kind = 'credential', about = '' }: { kind?: SecretKind; about?: string } = {}): void {
    if (!value || value.length < 4) return;
    const name = `$${variable.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`;
    // A value known as a credential stays one: it is replaced in more places.
    if (this.secrets.get(value)?.kind !== 'credential') this.secrets.set(value, { variable: name, kind, about });
  }

  /** Marks a header name as carrying credentials: its values are redacted like Authorization's. */
  credentialHeader(name: string): void {
    this.credentialHeaders.add(name.toLowerCase());
  }

  allow(value: string): void {
    this.shown.add(value);
  }

  /** Every variable a curl may read (without the `$`), and where its value comes from. */
  variables(): { name: string; about: string }[] {
    const found = new Map<string, string>();
    for (const { variable, about } of this.secrets.values()) if (!found.get(variable.slice(1))) found.set(variable.slice(1), about);
    return [...found].map(([name, about]) => ({ name, about })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * A URL: credentials become their variables where they stand whole (a path segment, a query
   * value, percent-encoded too), and JWT-shaped tokens are blanked. Other secrets (a cracked `admin`)
   * are data here: `/admin/users` stays as the API was called.
   */
  url(value: string): string {
    const query = value.indexOf('?');
    const fragment = value.indexOf('#', query === -1 ? 0 : query);
    const pathEnd = query !== -1 ? query : fragment !== -1 ? fragment : value.length;
    const path = value.slice(0, pathEnd).split('/').map((segment) => this.credentialVariable(segment) ?? segment).join('/');
    let search = '';
    if (query !== -1) {
      const pairs = value.slice(query + 1, fragment === -1 ? undefined : fragment).split('&');
      search = `?${pairs.map((pair) => {
        const equals = pair.indexOf('=');
        const variable = equals === -1 ? undefined : this.credentialVariable(pair.slice(equals + 1).replace(/\+/g, ' '));
        return variable ? `${pair.slice(0, equals + 1)}${variable}` : pair;
      }).join('&')}`;
    }
    return this.text(`${path}${search}${fragment === -1 ? '' : value.slice(fragment)}`);
  }

  /** The variable of a credential that is this whole URL part (percent-encoded or not). */
  private credentialVariable(part: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    const known = this.secrets.get(decoded);
    return known?.kind === 'credential' ? known.variable : undefined;
  }

  /** Free text (a body that is neither JSON nor a form): known credentials as whole words, and JWT-shaped tokens. */
  text(value: string): string {
    let result = value;
    for (const [secret, { variable, kind }] of this.byLength()) {
      if (kind === 'credential' && result.includes(secret)) result = result.replace(wholeWord(secret), () => variable);
    }
    return this.jwts(result);
  }

  header(name: string, value: string): string {
    // Any header may echo a credential (`Location: …?access_token=…`): whole credentials go everywhere.
    if (!this.isCredentialHeader(name)) return this.text(value);
    let known = value;
    for (const [secret, { variable, kind }] of this.byLength()) {
      if (kind === 'credential' && known.includes(secret)) known = known.replace(headerPart(secret), (_, before: string) => `${before}${variable}`);
    }
    known = this.jwts(known);
    if (known !== value) return known;
    if ([...this.shown].some((allowed) => value.includes(allowed))) return value;
    return '[redacted]';
  }

  headers(headers: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, this.header(name, value)]));
  }

  /** A body excerpt: JSON and forms are redacted field by field, other text by known credentials and JWT shape. */
  body(text: string | undefined, limit = 2000): string | undefined {
    if (text === undefined || text === '') return undefined;
    let shown: string;
    try {
      shown = JSON.stringify(this.json(JSON.parse(text) as unknown));
    } catch {
      shown = FORM.test(text) ? this.form(text, (name, value) => this.field(name, value, true)) : this.text(text);
    }
    return shown.length > limit ? `${shown.slice(0, limit)}… (${shown.length} chars)` : shown;
  }

  /**
   * A request body for a curl: known secrets become their variables where they stand whole, and
   * nothing else changes (unknown values are sent as they were, so the request is the same one).
   */
  requestBody(text: string): string {
    try {
      const parsed = JSON.parse(text) as unknown;
      let changed = false;
      const walk = (value: unknown, key: string): unknown => {
        if (Array.isArray(value)) return value.map((item) => walk(item, key));
        if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([child, item]) => [child, walk(item, child)]));
        if (typeof value !== 'string' && typeof value !== 'number') return value;
        const replaced = this.known(String(value), key) ?? (typeof value === 'string' ? this.text(value) : value);
        if (replaced !== value) changed = true;
        return replaced;
      };
      const result = walk(parsed, '');
      return changed ? JSON.stringify(result) : text;
    } catch {
      return FORM.test(text) ? this.form(text, (name, value) => this.known(value, name) ?? this.jwts(value)) : this.text(text);
    }
  }

  json(value: unknown, key = ''): unknown {
    if (Array.isArray(value)) return value.map((item) => this.json(item, key));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([child, item]) => [child, this.json(item, child)]));
    }
    if (typeof value !== 'string' && typeof value !== 'number') return value;
    return this.field(key, value, typeof value === 'string');
  }

  /** One field's value in evidence: a known secret's variable, else blanked by field name, JWT shape or data class. */
  private field(key: string, value: string | number, isString: boolean): unknown {
    const text = String(value);
    const known = this.known(text, key);
    if (known !== undefined) return known;
    const replaced = this.text(text);
    if (replaced !== text) return replaced;
    if (isString && SECRET_FIELD.test(key) && text.length > 0) return '[redacted]';
    const classes = classifyValue(key, value).filter((dataClass) => dataClass !== 'email' && dataClass !== 'ip-address' && dataClass !== 'phone');
    return classes.length > 0 ? redactValue(classes[0]!, text) : value;
  }

  /** The variable of a known secret that is this whole value, where a secret of its kind may stand. */
  private known(value: string, key: string): string | undefined {
    const secret = this.secrets.get(value);
    if (!secret) return undefined;
    return secret.kind === 'credential' || CREDENTIAL_FIELD.test(key) ? secret.variable : undefined;
  }

  /** `a=1&b=2`, each value through `redact`; variables stay readable (`$RAMPART_…`, not `%24RAMPART_…`). */
  private form(text: string, redact: (name: string, value: string) => unknown): string {
    return text
      .split('&')
      .map((pair) => {
        const [name = '', raw = ''] = pair.split(/=(.*)/s);
        let field: string;
        let value: string;
        try {
          field = decodeURIComponent(name.replace(/\+/g, ' '));
          value = decodeURIComponent(raw.replace(/\+/g, ' '));
        } catch {
          return pair;
        }
        const shown = String(redact(field, value));
        return shown === value ? pair : `${name}=${/^\$RAMPART_\w+$|^\[[^\]]*\]$/.test(shown) ? shown : encodeURIComponent(shown)}`;
      })
      .join('&');
  }

  private jwts(value: string): string {
    return value.replace(JWT, (token) => (this.shown.has(token) ? token : '[jwt redacted]'));
  }

  private isCredentialHeader(name: string): boolean {
    return CREDENTIAL_HEADERS.test(name) || this.credentialHeaders.has(name.toLowerCase());
  }

  /** Longest first, so a token is not half-replaced by a shorter secret it contains. */
  private byLength(): [string, { variable: string; kind: SecretKind; about: string }][] {
    return [...this.secrets].sort((a, b) => b[0].length - a[0].length);
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `secret` as a whole word: not part of a longer token (letters, digits, `-_~+/`, or a `.` inside one). */
function wholeWord(secret: string): RegExp {
  return new RegExp(`(?<![\\w~+/-]|[\\w~+/-]\\.)${escape(secret)}(?![\\w~+/-]|\\.[\\w~+/-])`, 'g');
}

/** `secret` as a whole header value or one part of it: `Bearer <it>`, `sid=<it>; …`, `<it>, …`. */
function headerPart(secret: string): RegExp {
  return new RegExp(`(^|[\\s=;,])${escape(secret)}(?=$|[\\s;,])`, 'g');
}
