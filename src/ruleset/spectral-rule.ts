import { JSONPath } from 'jsonpath-plus';
import type { Severity } from '../core/severity.js';
import { NodeLocation } from '../lint/location.js';
import type { RawFinding, RuleDefinition } from '../lint/rule-settings.js';
import type { ApiDocument } from '../spec/document.js';
import { parsePointer } from '../spec/pointer.js';
import { resolveAlias, type AliasMap } from './aliases.js';
import { documentFormats } from './formats.js';
import { locateResult } from './locate.js';
import { printUriPointer, renderTemplate, type MessageVars } from './print.js';
import { viewFor } from './resolved-view.js';
import { lintTargets } from './targets.js';
import type { FunctionContext, FunctionResult, JsonPath, RulesetFunction } from './types.js';

/** One `then` entry, with its function already looked up and its options already validated. */
export interface ThenStep {
  field?: string;
  functionName: string;
  run: RulesetFunction;
  /** Inputs outside this guard are skipped silently (Spectral's function input schemas). */
  accepts?: (input: unknown) => boolean;
  options: unknown;
}

/** A rule from a Spectral-format ruleset, after loading and merging. */
export interface SpectralRule {
  name: string;
  given: string[];
  then: ThenStep[];
  description: string | null;
  message: string | null;
  /** `off` keeps the rule loaded (a later ruleset may turn it back on) but drops its results. */
  severity: Severity | 'off';
  recommended: boolean;
  resolved: boolean;
  /** Normalised format names; null runs on every document. */
  formats: ReadonlySet<string> | null;
  documentationUrl: string | null;
  /** The aliases of the ruleset that wrote `given`. */
  aliases: AliasMap | null;
  /**
   * Every format the loaded ruleset mentions (its files' and rules' `formats`). As in Spectral, a
   * document has only the formats in this set: with none, format-limited rules and targeted aliases never apply.
   */
  registeredFormats: ReadonlySet<string>;
}

interface Match {
  path: string[];
  value: unknown;
}

/** JSONPath results per document, data view and expression: rules that share a `given` share one query. */
const queryCache = new WeakMap<ApiDocument, Map<string, Match[]>>();

function query(document: ApiDocument, resolved: boolean, expression: string): Match[] {
  let cache = queryCache.get(document);
  if (!cache) queryCache.set(document, (cache = new Map()));
  const key = `${resolved ? 'r' : 'u'}${expression}`;
  const known = cache.get(key);
  if (known) return known;
  const data = resolved ? viewFor(document).root : document.root.value;
  let matches: Match[];
  if (data === null || typeof data !== 'object') {
    matches = expression === '$' ? [{ path: [], value: data }] : [];
  } else {
    matches = expression.startsWith('$..') && !NEEDS_ANCESTORS.test(expression) ? queryDescendants(data as object, expression.slice(3)) : evaluate(data as object, expression);
  }
  cache.set(key, matches);
  return matches;
}

export function evaluate(json: object, expression: string): Match[] {
  const results = JSONPath({ path: expression, json, resultType: 'all', wrap: true }) as { pointer: string; value: unknown }[] | undefined;
  return (results ?? []).map((result) => ({ path: parsePointer(result.pointer), value: result.value }));
}

/** Expressions that look above the node they start from; they need JSONPath's own `..`. */
const NEEDS_ANCESTORS = /\^|~|@parent|@path|@root|\$\.\.[^]*\.\./;
const LEADING_NAME = /^(?:\.([A-Za-z_$][\w$-]*)|\[\s*(['"])([^'"]+)\2\s*\])(?=$|[.[])/;

/**
 * `$..rest` as "`$rest` at every node", walking the tree with an explicit stack. jsonpath-plus
 * recurses once per level and overflows the call stack on deep resolved documents; the results
 * (every path, shared nodes once per path) are the same.
 */
export function queryDescendants(root: object, rest: string): Match[] {
  const relative = rest.startsWith('[') ? `$${rest}` : `$.${rest}`;
  const name = LEADING_NAME.exec(rest.startsWith('[') ? rest : `.${rest}`);
  const requiredKey = name ? (name[1] ?? name[3]) : undefined;
  const matches: Match[] = [];
  const stack: { node: object; path: string[] }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (requiredKey === undefined || Object.prototype.hasOwnProperty.call(node, requiredKey)) {
      for (const match of evaluate(node, relative)) matches.push({ path: [...path, ...match.path], value: match.value });
    }
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = (node as Record<string, unknown>)[keys[i]!];
      if (child !== null && typeof child === 'object') stack.push({ node: child as object, path: [...path, keys[i]!] });
    }
  }
  return matches;
}

function decodeSegment(segment: string | number): string {
  return typeof segment === 'string' ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : String(segment);
}

/** Runs a Spectral rule over a document, the way Spectral's runner does, and reports where each result lands. */
export function runSpectralRule(rule: SpectralRule, document: ApiDocument): RawFinding[] {
  const formats = new Set([...documentFormats(document.version.format)].filter((format) => rule.registeredFormats.has(format)));
  if (rule.formats !== null && ![...rule.formats].some((format) => formats.has(format))) return [];
  const givens = rule.given.flatMap((given) => resolveAlias(rule.aliases, given, formats));
  const unresolved = document.root.value;
  const documentView = { data: unresolved, source: document.root.uri, formats: new Set(formats) };
  const context: FunctionContext = {
    path: [],
    document: documentView,
    documentInventory: { resolved: rule.resolved ? viewFor(document).root : unresolved, unresolved, document: documentView },
    rule: { name: rule.name, resolved: rule.resolved, description: rule.description },
    rampart: { document },
  };
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  for (const given of givens) {
    for (const match of query(document, rule.resolved, given)) {
      for (const step of rule.then) {
        for (const target of lintTargets(match.value, step.field)) {
          const targetPath: JsonPath = [...match.path, ...target.path];
          context.path = targetPath;
          if (step.accepts && !step.accepts(target.value)) continue;
          let results: FunctionResult[] | void | undefined;
          try {
            results = step.run(target.value, step.options ?? null, context) as FunctionResult[] | void | undefined;
          } catch (error) {
            throw new Error(`Function "${step.functionName}" threw an exception: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
          }
          if (results && typeof (results as unknown as Promise<unknown>).then === 'function') {
            throw new Error(`Function "${step.functionName}" returned a Promise: Rampart runs ruleset functions synchronously`);
          }
          if (results !== undefined && results !== null) checkResults(step.functionName, results);
          for (const result of results ?? []) {
            const finding = toFinding(rule, document, result, targetPath);
            // Paths through shared nodes of the resolved document land on the same place many times.
            const key = `${finding.location.source.uri}\u0000${finding.location.pointer}\u0000${finding.message}`;
            if (seen.has(key)) continue;
            seen.add(key);
            findings.push(finding);
          }
        }
      }
    }
  }
  return findings;
}

/** A custom function's results must be what Spectral expects: say which function broke the contract, and how. */
function checkResults(functionName: string, results: unknown): asserts results is FunctionResult[] {
  const expected = 'expected an array of { message, path? } (or nothing)';
  if (!Array.isArray(results)) throw new Error(`Function "${functionName}" returned ${describe(results)}: ${expected}`);
  for (const [index, result] of results.entries()) {
    const item = result as { message?: unknown; path?: unknown } | null;
    if (item === null || typeof item !== 'object' || typeof item.message !== 'string') {
      throw new Error(`Function "${functionName}" returned ${describe(result)} at [${index}]: ${expected}, with message a string`);
    }
    if (item.path !== undefined && (!Array.isArray(item.path) || !item.path.every((segment) => typeof segment === 'string' || typeof segment === 'number'))) {
      throw new Error(`Function "${functionName}" returned a path that is not a list of keys and indexes at [${index}]: ${describe(item.path)}`);
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.slice(0, 40))})`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function toFinding(rule: SpectralRule, document: ApiDocument, result: FunctionResult, targetPath: JsonPath): RawFinding {
  const path = (result.path ?? targetPath).map(decodeSegment);
  const place = locateResult(document, rule.resolved, path);
  const vars: MessageVars = {
    property: place.property,
    error: result.message,
    path: printUriPointer(place.segments),
    description: rule.description,
    value: place.value,
  };
  const resultMessage = renderTemplate(result.message, vars);
  vars.error = resultMessage;
  const message = (rule.message === null ? (rule.description ?? resultMessage) : renderTemplate(rule.message, vars)).trim();
  return { ruleId: rule.name, message, location: new NodeLocation(place.source, place.pointer) };
}

/** The engine's view of a Spectral rule. */
export function definitionOfSpectralRule(rule: SpectralRule): RuleDefinition {
  const definition: RuleDefinition = {
    id: rule.name,
    description: rule.description ?? rule.message ?? rule.name,
    defaultSeverity: rule.severity === 'off' ? 'warning' : rule.severity,
    recommended: rule.recommended,
    owasp: [],
    cwe: [],
    run: (document) => runSpectralRule(rule, document),
    spectralPositions: true,
  };
  if (rule.documentationUrl !== null) definition.docsUrl = rule.documentationUrl;
  return definition;
}
