import { classifyValue, redact as redactValue } from '../traffic/classifiers/index.js';

const CREDENTIAL_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token|x-access-token|x-csrf-token)$/i;
const SECRET_FIELD = /passw(or)?d|^pass$|secret|token|api[_-]?key|authorization|credential|private[_-]?key|hash$|salt$/i;
const JWT = /\beyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]*/g;

/**
 * Replaces credentials with names. Every secret the scan knows (tokens, passwords, cookies,
 * cracked keys) is registered with a shell variable name, so a `curl` stays copy-pasteable:
 * `"Authorization: Bearer $RAMPART_ALICE_TOKEN"`. Unknown credentials are blanked by header name,
 * JSON field name, JWT shape and the traffic data classifiers.
 */
export class Redactor {
  private readonly secrets = new Map<string, string>();
  /** Values shown as they are even though they look like credentials (an unsigned `alg: none` token). */
  private readonly shown = new Set<string>();

  register(value: string | undefined, variable: string): void {
    if (value && value.length >= 4) this.secrets.set(value, `$${variable.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`);
  }

  allow(value: string): void {
    this.shown.add(value);
  }

  variables(): string[] {
    return [...new Set(this.secrets.values())].sort();
  }

  /** Known secrets become their variable; longest first so a token is not half-replaced. */
  text(value: string): string {
    let result = value;
    for (const [secret, variable] of [...this.secrets].sort((a, b) => b[0].length - a[0].length)) result = result.split(secret).join(variable);
    return result.replace(JWT, (token) => (this.shown.has(token) ? token : '[jwt redacted]'));
  }

  header(name: string, value: string): string {
    const known = this.text(value);
    if (known !== value || !CREDENTIAL_HEADERS.test(name)) return known;
    if ([...this.shown].some((allowed) => value.includes(allowed))) return value;
    return '[redacted]';
  }

  headers(headers: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, this.header(name, value)]));
  }

  /** A body excerpt: JSON is redacted field by field, other text by known secrets and JWT shape. */
  body(text: string | undefined, limit = 2000): string | undefined {
    if (text === undefined || text === '') return undefined;
    let shown = text;
    try {
      shown = JSON.stringify(this.json(JSON.parse(text) as unknown));
    } catch {
      shown = this.text(text);
    }
    return shown.length > limit ? `${shown.slice(0, limit)}… (${shown.length} chars)` : shown;
  }

  json(value: unknown, key = ''): unknown {
    if (Array.isArray(value)) return value.map((item) => this.json(item, key));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([child, item]) => [child, this.json(item, child)]));
    }
    if (typeof value !== 'string' && typeof value !== 'number') return value;
    const text = String(value);
    const replaced = this.text(text);
    if (replaced !== text) return replaced;
    if (typeof value === 'string' && SECRET_FIELD.test(key) && value.length > 0) return '[redacted]';
    const classes = classifyValue(key, value).filter((dataClass) => dataClass !== 'email' && dataClass !== 'ip-address' && dataClass !== 'phone');
    return classes.length > 0 ? redactValue(classes[0]!, text) : value;
  }
}
