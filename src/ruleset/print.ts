import { isPlainObject, type JsonPath } from './types.js';

/** How Spectral prints a value inside a message: strings quoted, containers by kind. */
export function printValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
    if (Array.isArray(value)) return 'Array[]';
    if (value instanceof RegExp) return value.source;
    if (!isPlainObject(value)) {
      const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
      if (typeof name === 'string') return name;
    }
    return 'Object{}';
  }
  return JSON.stringify(value);
}

/**
 * The `{{path}}` of a message: a URI-fragment JSON pointer. Spectral's encoder escapes every character
 * outside `a-z A Z 0 9 _ . ! ~ * ' ( ) / -` and U+2013 (its character class was written with en dashes),
 * which is what encodeURIComponent leaves alone anyway; we print the same text so messages match.
 */
export function printUriPointer(path: JsonPath): string {
  if (path.length === 0) return '#';
  const encode = (segment: string | number) => {
    if (typeof segment === 'number') return String(segment);
    const escaped = segment.replace(/~/g, '~0').replace(/\//g, '~1');
    return escaped.replace(/[^a-zAZ09_.!~*'()\/\-\u2013\u{D800}-\u{DFFF}]/gu, (char) => encodeURIComponent(char));
  };
  return `#/${path.map(encode).join('/')}`;
}

export interface MessageVars {
  property: string;
  error: string;
  path: string;
  description: string | null;
  value: unknown;
}

const PLACEHOLDER = /#?\{\{([^}\n]+)\}\}/g;

/**
 * Fills a Spectral message template. `{{name}}` inserts a variable as text; `#{{expr}}` evaluates a
 * small expression: `print("property")`, `print("value")`, names, string literals, `+` and `.toUpperCase()`.
 */
export function renderTemplate(template: string, vars: MessageVars): string {
  const values = vars as unknown as Record<string, unknown>;
  return template.replace(PLACEHOLDER, (whole: string, identifier: string) => {
    if (whole.startsWith('#')) return evaluate(identifier.trim(), vars);
    return identifier in values ? String(values[identifier]) : '';
  });
}

function evaluate(expression: string, vars: MessageVars): string {
  if (/constructor|process|require|global|mainModule|fs|child_process/.test(expression)) return '';
  const terms = splitTerms(expression);
  if (!terms) return '';
  let out = '';
  for (const term of terms) {
    const value = evaluateTerm(term.trim(), vars);
    if (value === undefined) return '';
    out += value;
  }
  return out;
}

function splitTerms(expression: string): string[] | undefined {
  const terms: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const char of expression) {
    if (quote) {
      current += char;
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (char === '+') {
      terms.push(current);
      current = '';
    } else current += char;
  }
  if (quote) return undefined;
  terms.push(current);
  return terms;
}

function evaluateTerm(term: string, vars: MessageVars): string | undefined {
  const upper = /^(.+)\.toUpperCase\(\)$/.exec(term);
  if (upper) return evaluateTerm(upper[1]!, vars)?.toUpperCase();
  const literal = /^(["'])(.*)\1$/.exec(term);
  if (literal) return literal[2];
  const print = /^print\(\s*(["'])(\w+)\1\s*\)$/.exec(term);
  if (print) return printVariable(print[2]!, vars);
  if (/^\w+$/.test(term)) {
    const values = vars as unknown as Record<string, unknown>;
    return term in values ? String(values[term]) : undefined;
  }
  return undefined;
}

function printVariable(name: string, vars: MessageVars): string {
  if (name === 'property') return vars.property !== '' ? `"${vars.property}" property ` : 'The document ';
  if (name === 'value') return printValue(vars.value);
  const values = vars as unknown as Record<string, unknown>;
  return name in values && values[name] !== null ? String(values[name]) : '';
}
