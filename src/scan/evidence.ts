import type { Redactor } from './redact.js';
import type { ScanExchange } from './types.js';

export interface ExchangeEvidence {
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body?: string; durationMs: number };
  error?: string;
  identity?: string;
}

/** Response headers worth showing; the rest are noise in a report. */
const SHOWN_RESPONSE_HEADERS = /^(content-type|location|server|x-powered-by|access-control-allow-origin|access-control-allow-credentials|www-authenticate|retry-after|ratelimit-\w+|x-ratelimit-\w+|allow|strict-transport-security)$/i;

/** The request and response excerpts of one exchange, credentials redacted. */
export function exchangeEvidence(exchange: ScanExchange, redactor: Redactor): ExchangeEvidence {
  const { request, response } = exchange;
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'user-agent'));
  return {
    identity: exchange.identity,
    request: { method: request.method, url: redactor.url(request.url), headers: redactor.headers(headers), body: redactor.body(request.body) },
    response: response && {
      status: response.status,
      headers: redactor.headers(Object.fromEntries(Object.entries(response.headers).filter(([name]) => SHOWN_RESPONSE_HEADERS.test(name)))),
      body: redactor.body(response.body),
      durationMs: Math.round(response.durationMs),
    },
    error: exchange.error,
  };
}

/** A `curl` command that sends the same request; secrets appear as shell variables. */
export function curlFor(exchange: ScanExchange, redactor: Redactor): string {
  const { request } = exchange;
  const parts = ['curl', '-i'];
  if (request.url.includes('/..') || request.url.includes('%2e') || request.url.includes('%2E')) parts.push('--path-as-is');
  if (request.method !== 'GET' || request.body !== undefined) parts.push('-X', request.method);
  parts.push(quote(redactor.url(request.url)));
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'user-agent') continue;
    parts.push('-H', quote(`${name}: ${redactor.header(name, value)}`));
  }
  if (request.body !== undefined) parts.push('--data-raw', quote(redactor.requestBody(request.body)));
  return parts.join(' ');
}

/** One request of a proof, with what it shows (a shell comment above its curl). */
export interface ProofStep {
  exchange: ScanExchange;
  comment?: string;
  /** Sent this many times in a row (a burst): the script loops and prints each status. */
  repeat?: number;
}

/**
 * A finding's proof as one shell script: `preface` lines first (what the curls need that they cannot
 * carry), then each step's comment and curl. One step without a comment is just its curl.
 */
export function reproduction(steps: readonly ProofStep[], redactor: Redactor, preface: readonly string[] = []): string {
  const lines = [...preface];
  for (const step of steps) {
    if (step.comment) lines.push(`# ${step.comment}`);
    const curl = curlFor(step.exchange, redactor);
    if (step.repeat !== undefined && step.repeat > 1) {
      lines.push(`for i in $(seq ${step.repeat}); do ${curl.replace(/^curl -i /, "curl -s -o /dev/null -w '%{http_code}\\n' ")}; done`);
    } else {
      lines.push(curl);
    }
  }
  return lines.join('\n');
}

/** Single quotes, unless the text holds `$RAMPART_…` variables: then double quotes, escaping everything else. */
export function quote(text: string): string {
  if (!/\$RAMPART_[A-Z0-9_]+/.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  const escaped = text.replace(/[\\"`$]/g, (char) => `\\${char}`).replace(/\\\$(RAMPART_[A-Z0-9_]+)/g, '$$$1');
  return `"${escaped}"`;
}
