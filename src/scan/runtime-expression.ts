/**
 * OpenAPI runtime expressions (3.0 and 3.1, "Runtime Expressions"): the values a Link Object's
 * `parameters` and `requestBody` take from an exchange, such as `$response.body#/id`,
 * `$response.header.Location` or `$request.path.userId`. Grammar (ABNF, from the specification):
 *
 *   expression       = "$url" / "$method" / "$statusCode" / "$request." source / "$response." source
 *   source           = header-reference / query-reference / path-reference / body-reference
 *   header-reference = "header." token
 *   query-reference  = "query." name
 *   path-reference   = "path." name
 *   body-reference   = "body" ["#" json-pointer]
 *   json-pointer     = *( "/" reference-token )
 *   reference-token  = *( unescaped / escaped )      ; escaped = "~" ( "0" / "1" )
 *   name             = *( CHAR )                     ; CHAR = %x01-7F
 *   token            = 1*tchar                       ; RFC 7230 tchar
 *
 * One deviation: an empty `name` is refused, since no parameter has an empty name.
 */

export type RuntimeExpression =
  | { kind: 'url' }
  | { kind: 'method' }
  | { kind: 'statusCode' }
  | { kind: 'header'; from: 'request' | 'response'; name: string }
  | { kind: 'query'; from: 'request' | 'response'; name: string }
  | { kind: 'path'; from: 'request' | 'response'; name: string }
  | { kind: 'body'; from: 'request' | 'response'; pointer: string[] | undefined };

export type Parsed = { ok: true; expression: RuntimeExpression } | { ok: false; error: string };

/** What an expression is evaluated against: one request and its response. */
export interface ExpressionInput {
  url: string;
  method: string;
  statusCode?: number;
  request: { path: Record<string, string>; query: URLSearchParams; headers: Record<string, string>; body?: string; json?: unknown };
  response?: { headers: Record<string, string>; body: string; json?: unknown };
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// CHAR (%x01-7F), at least one.
const NAME = /^[\x01-\x7f]+$/;

export function parseRuntimeExpression(text: string): Parsed {
  if (text === '$url') return { ok: true, expression: { kind: 'url' } };
  if (text === '$method') return { ok: true, expression: { kind: 'method' } };
  if (text === '$statusCode') return { ok: true, expression: { kind: 'statusCode' } };
  const prefix = /^\$(request|response)\./.exec(text);
  if (!prefix) return fail(text, 'expected $url, $method, $statusCode, $request.… or $response.…');
  const from = prefix[1] as 'request' | 'response';
  const source = text.slice(prefix[0].length);
  for (const kind of ['header', 'query', 'path'] as const) {
    if (!source.startsWith(`${kind}.`)) continue;
    const name = source.slice(kind.length + 1);
    if (kind === 'header' ? !TOKEN.test(name) : !NAME.test(name)) return fail(text, kind === 'header' ? 'a header name is one or more token characters (RFC 7230)' : `a ${kind} name is one or more ASCII characters`);
    return { ok: true, expression: { kind, from, name } };
  }
  if (source === 'body') return { ok: true, expression: { kind: 'body', from, pointer: undefined } };
  if (source.startsWith('body#')) {
    const pointer = parseJsonPointer(source.slice(5));
    return pointer ? { ok: true, expression: { kind: 'body', from, pointer } } : fail(text, 'the body reference needs a JSON pointer: "" or /token/… with ~0 and ~1 as the only escapes');
  }
  return fail(text, `expected header.<token>, query.<name>, path.<name> or body[#/pointer] after $${from}.`);
}

function fail(text: string, reason: string): Parsed {
  return { ok: false, error: `runtime expression "${text}": ${reason}` };
}

/** RFC 6901 pointer as the expression grammar writes it (no percent-decoding); undefined when malformed. */
function parseJsonPointer(text: string): string[] | undefined {
  if (text === '') return [];
  if (!text.startsWith('/')) return undefined;
  const tokens: string[] = [];
  for (const raw of text.slice(1).split('/')) {
    if (/~(?![01])/.test(raw)) return undefined;
    tokens.push(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return tokens;
}

/** The value an expression names in `input`; undefined when it is absent (no such header, field, or response). */
export function evaluateExpression(expression: RuntimeExpression, input: ExpressionInput): unknown {
  switch (expression.kind) {
    case 'url':
      return input.url;
    case 'method':
      return input.method.toUpperCase();
    case 'statusCode':
      return input.statusCode;
  }
  const side = expression.from === 'request' ? input.request : input.response;
  if (!side) return undefined;
  switch (expression.kind) {
    case 'header': {
      const wanted = expression.name.toLowerCase();
      for (const [name, value] of Object.entries(side.headers)) if (name.toLowerCase() === wanted) return value;
      return undefined;
    }
    case 'query':
      return expression.from === 'request' ? input.request.query.get(expression.name) ?? undefined : undefined;
    case 'path':
      return expression.from === 'request' ? input.request.path[expression.name] : undefined;
    case 'body': {
      if (!expression.pointer) return side.json !== undefined ? side.json : side.body;
      let current: unknown = side.json;
      for (const token of expression.pointer) {
        if (Array.isArray(current)) {
          if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
          current = current[Number(token)];
        } else if (current !== null && typeof current === 'object' && Object.prototype.hasOwnProperty.call(current, token)) {
          current = (current as Record<string, unknown>)[token];
        } else {
          return undefined;
        }
      }
      return current;
    }
  }
}

export type LinkValue = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * A Link Object `parameters`/`requestBody` entry: a bare expression (`$response.body#/id`), one in
 * braces (`{$response.body#/id}`), expressions embedded in a string (`/items/{$request.path.id}`),
 * or a constant. A missing value is an error too: the link cannot be followed from this exchange.
 */
export function evaluateLinkValue(value: unknown, input: ExpressionInput): LinkValue {
  if (typeof value !== 'string') return { ok: true, value };
  const whole = /^\{(\$[^{}]*)\}$/.exec(value)?.[1] ?? (value.startsWith('$') ? value : undefined);
  if (whole !== undefined) {
    const parsed = parseRuntimeExpression(whole);
    if (!parsed.ok) return parsed;
    const result = evaluateExpression(parsed.expression, input);
    return result === undefined ? { ok: false, error: `${whole} is absent from this exchange` } : { ok: true, value: result };
  }
  if (!/\{\$/.test(value)) return { ok: true, value };
  let error: string | undefined;
  const text = value.replace(/\{(\$[^{}]*)\}/g, (_, embedded: string) => {
    const parsed = parseRuntimeExpression(embedded);
    if (!parsed.ok) {
      error ??= parsed.error;
      return '';
    }
    const result = evaluateExpression(parsed.expression, input);
    if (result === undefined) error ??= `${embedded} is absent from this exchange`;
    return result === undefined ? '' : typeof result === 'string' ? result : JSON.stringify(result);
  });
  return error ? { ok: false, error } : { ok: true, value: text };
}
