import { JSONPath } from 'jsonpath-plus';
import type { IdentityConfig, TokenRequest } from './config.js';
import { CREDENTIAL_FIELD, type Redactor } from './redact.js';
import type { Transport } from './transport.js';
import type { ScanExchange } from './types.js';

/** A logged-in identity: the headers it sends, how it got them, and how to get them again. */
export class Session {
  token: string | undefined;
  refreshToken: string | undefined;
  /** The login exchange, kept for user-enumeration and weak-secret evidence. */
  loginExchange: ScanExchange | undefined;
  refreshes = 0;
  failure: string | undefined;

  constructor(readonly config: IdentityConfig, private readonly redactor: Redactor) {
    const base = `RAMPART_${config.name}`;
    // Static headers are how credentials are given: whatever their name, they carry one.
    for (const [name, value] of Object.entries(config.headers)) {
      redactor.credentialHeader(name);
      redactor.register(value, `${base}_${name}`, { about: `${config.name}'s ${name} header, as in the configuration` });
    }
    if ('header' in config.apply) redactor.credentialHeader(config.apply.header);
    for (const [name, value] of Object.entries(config.cookies)) redactor.register(value, `${base}_COOKIE_${name}`, { about: `${config.name}'s ${name} cookie, as in the configuration` });
    if (config.jwt && 'secret' in config.jwt.key) redactor.register(config.jwt.key.secret, `${base}_JWT_SECRET`, { kind: 'secret', about: 'the jwt secret in the configuration' });
    for (const request of [config.login, config.refresh]) {
      for (const [key, value] of Object.entries(flatten(request?.json ?? request?.form ?? {}))) {
        const field = key.split('.').pop()!;
        if (CREDENTIAL_FIELD.test(field)) redactor.register(value, `${base}_${field}`, { kind: 'secret', about: `${config.name}'s ${field}, as in the configuration` });
      }
    }
  }

  get name(): string {
    return this.config.name;
  }

  get role(): 'user' | 'admin' {
    return this.config.role;
  }

  /** The login body's user name (for enumeration probes), if it has one. */
  get username(): string | undefined {
    const body = this.config.login?.json ?? this.config.login?.form;
    if (!body || typeof body !== 'object') return undefined;
    const record = body as Record<string, unknown>;
    const key = Object.keys(record).find((name) => /^(user(name)?|login|email|e-?mail)$/i.test(name));
    return key && typeof record[key] === 'string' ? (record[key] as string) : undefined;
  }

  /** Headers for a request as this identity. */
  headers(): Record<string, string> {
    const headers = { ...this.config.headers };
    const cookies = Object.entries(this.config.cookies).map(([name, value]) => `${name}=${value}`);
    if (this.token !== undefined) {
      const apply = this.config.apply;
      if ('cookie' in apply) cookies.push(`${apply.cookie}=${this.token}`);
      else headers[apply.header] = apply.value.replace('{token}', this.token);
    }
    if (cookies.length > 0) headers.Cookie = cookies.join('; ');
    return headers;
  }

  async login(transport: Transport): Promise<boolean> {
    if (!this.config.login) return true;
    return this.obtain(transport, this.config.login, 'login');
  }

  /** Gets a fresh token: the refresh request when configured and a refresh token is known, else the login again. */
  async refresh(transport: Transport): Promise<boolean> {
    this.refreshes++;
    if (this.config.refresh && this.refreshToken) return this.obtain(transport, this.config.refresh, 'refresh');
    return this.login(transport);
  }

  private async obtain(transport: Transport, request: TokenRequest, phase: string): Promise<boolean> {
    const fill = (value: unknown): unknown =>
      typeof value === 'string' ? value.replace('{refreshToken}', this.refreshToken ?? '').replace('{token}', this.token ?? '') : Array.isArray(value) ? value.map(fill) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)])) : value;
    const headers: Record<string, string> = { ...(request.headers ?? {}) };
    let body: string | undefined;
    if (request.json !== undefined) body = JSON.stringify(fill(request.json));
    else if (request.form) {
      body = new URLSearchParams(fill(request.form) as Record<string, string>).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const exchange = await transport.send({ method: request.method, path: request.path, headers, body, probe: `auth-${phase}`, identity: this.name });
    if (phase === 'login') this.loginExchange = exchange;
    const response = exchange.response;
    if (!response || response.status >= 400) {
      this.failure = `${phase} answered ${response ? response.status : exchange.error}`;
      return false;
    }
    const token = extractToken(response.json, response.body, response.headers, request);
    if (!token) {
      this.failure = `${phase} response holds no token (set token: <JSONPath> or tokenRegex)`;
      return false;
    }
    this.token = token;
    this.redactor.register(token, `RAMPART_${this.name}_TOKEN`, { about: `${this.name}'s token: ${request.method} ${request.path} as ${this.name} answers it${request.token ? ` (${request.token})` : ''}` });
    if (request.refreshToken) {
      const refresh = firstString(JSONPath({ path: request.refreshToken, json: response.json as object, wrap: true }));
      if (refresh) {
        this.refreshToken = refresh;
        this.redactor.register(refresh, `RAMPART_${this.name}_REFRESH_TOKEN`, { about: `${this.name}'s refresh token: ${request.method} ${request.path} as ${this.name} answers it (${request.refreshToken})` });
      }
    }
    this.failure = undefined;
    return true;
  }
}

/** The token in a login response: JSONPath, else a regex over body and headers, else common field names. */
export function extractToken(json: unknown, body: string, headers: Record<string, string>, request: Pick<TokenRequest, 'token' | 'tokenRegex'>): string | undefined {
  if (request.token && json !== undefined) return firstString(JSONPath({ path: request.token, json: json as object, wrap: true }));
  if (request.tokenRegex) {
    const regex = new RegExp(request.tokenRegex);
    for (const text of [body, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)]) {
      const match = regex.exec(text);
      if (match) return match[1] ?? match[0];
    }
    return undefined;
  }
  if (json && typeof json === 'object') {
    for (const key of ['token', 'access_token', 'accessToken', 'id_token', 'jwt']) {
      const value = (json as Record<string, unknown>)[key];
      if (typeof value === 'string' && value) return value;
    }
  }
  return undefined;
}

function firstString(values: unknown): string | undefined {
  const list = Array.isArray(values) ? values : [values];
  const found = list.find((value) => typeof value === 'string' && value.length > 0);
  return found as string | undefined;
}

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  if (!value || typeof value !== 'object') return {};
  return Object.assign({}, ...Object.entries(value).map(([key, item]) => flatten(item, prefix ? `${prefix}.${key}` : key)));
}
