import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { getAtPointer, parsePointer } from '../../spec/pointer.js';
import type { Comparable, Waiver } from './parity-harness.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const parsed = new Map<string, unknown>();

function nodeAt(file: string, pointer: string): unknown {
  let value = parsed.get(file);
  if (value === undefined) {
    value = load(readFileSync(path.resolve(REPO, file), 'utf8'));
    parsed.set(file, value);
  }
  return getAtPointer(value, parsePointer(pointer)).value;
}

/** The local target of a `$ref` that has sibling keys at `pointer`, if that is what is there. */
function refWithSiblingsTarget(file: string, pointer: string): string | undefined {
  const node = nodeAt(file, pointer) as Record<string, unknown> | undefined;
  if (!node || typeof node !== 'object' || typeof node.$ref !== 'string' || Object.keys(node).length < 2 || !node.$ref.startsWith('#')) return undefined;
  return decodeURIComponent(node.$ref.slice(1));
}

function isBelow(pointer: string, ancestor: string): boolean {
  return pointer.startsWith(`${ancestor}/`);
}

/**
 * A message with its `{{property}}` parts masked: Spectral derives `{{property}}` from the place it
 * reports, so when that place differs the property text differs too, and nothing else may.
 */
function shape(message: string): string {
  return message.replace(/"[^"]*" property/g, '"…" property').replace(/^[^\s:]+(:| )/, '…$1');
}

function sameResult(spectral: Comparable, rampart: Comparable): boolean {
  return rampart.ruleId === spectral.ruleId && rampart.file === spectral.file && rampart.severity === spectral.severity && shape(rampart.message) === shape(spectral.message);
}

function sameResultDeeper(spectral: Comparable, rampart: Comparable): boolean {
  return sameResult(spectral, rampart) && isBelow(rampart.pointer, spectral.pointer);
}

/**
 * Differences between Spectral and Rampart that we accept, each with its reason. The parity test
 * fails on any difference not covered here.
 */
export const PARITY_WAIVERS: Waiver[] = [
  {
    id: 'spectral-ref-mapping-stops-early',
    reason:
      'Spectral maps a result found through a $ref back to its file with a map keyed by URI-encoded pointers, ' +
      'then decodes only "~" escapes. When the path after the $ref holds a key that encoding changes ("+", "{", …) ' +
      'or crosses a $ref with sibling keys, the lookup fails and Spectral reports the nearest ancestor it can map. ' +
      'Rampart follows the $ref and reports the exact node (same rule, file and message, except for the {{property}} ' +
      'text, which Spectral derives from the shorter path).',
    pairs: sameResultDeeper,
  },
  {
    id: 'spectral-ref-mapping-extra-ancestor',
    reason:
      'Same cause as spectral-ref-mapping-stops-early, when the node is also reached without a $ref: Spectral reports it ' +
      'twice (at the node and at an ancestor), Rampart once, at the node.',
    spectralOnly: (spectral, rampart) => rampart.some((finding) => sameResultDeeper(spectral, finding)),
  },
  {
    id: 'spectral-stops-at-ref-with-siblings',
    reason:
      'A $ref with sibling keys (allowed in OpenAPI 3.1) is not followed by Spectral when it maps a result back to its file: ' +
      'it reports at the object holding the $ref. Rampart follows the $ref and reports the node in the referenced schema ' +
      '(same rule and message).',
    spectralOnly: (spectral, rampart) => {
      const target = refWithSiblingsTarget(spectral.file, spectral.pointer);
      return target !== undefined && rampart.some((finding) => sameResult(spectral, finding) && (finding.pointer === target || isBelow(finding.pointer, target)));
    },
  },
  {
    id: 'spectral-drops-missing-property-after-ref',
    reason:
      'When a missing field sits right under a pure $ref (`status: {$ref: …}` and the rule asks for `status.format`), ' +
      'Spectral maps the result to the $ref target but forgets the missing part of the path, so {{property}} names ' +
      'the target ("OrderStatusEnum") instead of the field ("OrderStatusEnum.format"). The same node reached directly gets ' +
      'the full wording, so Spectral reports it twice; Rampart once, with the full property.',
    spectralOnly: (spectral, rampart) =>
      rampart.some((finding) => sameResult(spectral, finding) && finding.pointer === spectral.pointer && finding.line === spectral.line && finding.message !== spectral.message),
  },
];

const EXAMPLE_RULES = new Set(['oas2-valid-media-example', 'oas2-valid-schema-example', 'oas3-valid-media-example', 'oas3-valid-schema-example']);
const SCHEMA_RULES = new Set(['oas2-schema', 'oas3-schema']);

/** Ajv's refusal to compile a schema, which Spectral reports instead of checking the example. */
function isSchemaCompileError(message: string): boolean {
  return message.startsWith('schema is invalid: ') || message === '"nullable" cannot be used without "type"';
}

/** A failed oneOf/anyOf, in Ajv's words (Spectral) or in Rampart's (`… of the allowed forms`, `must have either`, `must be object or array`). */
function isCombinatorFailure(message: string): boolean {
  return /must match exactly one schema in oneOf|must match a schema in anyOf|of the allowed forms|must have (?:either|one of) /.test(message) || / must be \w+(?:, \w+)* or \w+\.$/.test(message);
}

/** Prefixes that end where an example begins (`…/example`, `…/examples/<name>/value`, Swagger's `…/examples/<media type>`). */
function examplePrefixes(pointer: string): string[] {
  const segments = pointer.split('/');
  const prefixes: string[] = [];
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!;
    const isRoot = ['example', 'default', 'x-example'].includes(segment) || (segments[i - 1] === 'examples' && segments[i + 1] !== 'value') || (segment === 'value' && segments[i - 2] === 'examples');
    if (isRoot) prefixes.push(segments.slice(0, i + 1).join('/'));
  }
  return prefixes;
}

function inSameExample(a: Comparable, b: Comparable): boolean {
  if (a.ruleId !== b.ruleId || a.file !== b.file) return false;
  const roots = new Set(examplePrefixes(a.pointer));
  return examplePrefixes(b.pointer).some((root) => roots.has(root));
}

function isAtOrBelow(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || isBelow(pointer, ancestor);
}

/** The schema an example is checked against: its owner's `schema` (a media type, parameter, header, Swagger response) or the owner itself (a schema). */
function schemaOfExample(file: string, root: string): unknown {
  const segments = root.split('/');
  const last = segments.at(-1);
  const ownerLength = last === 'value' ? segments.length - 3 : segments.at(-2) === 'examples' ? segments.length - 2 : segments.length - 1;
  const owner = segments.slice(0, ownerLength).join('/');
  const value = nodeAt(file, owner) as Record<string, unknown> | undefined;
  if (value === null || typeof value !== 'object') return undefined;
  return 'schema' in value ? value.schema : value;
}

/** Whether following the local $refs of a schema comes back to one already being followed. */
function reachesRefCycle(file: string, schema: unknown): boolean {
  const done = new Set<string>();
  const open = new Set<string>();
  const visit = (node: unknown): boolean => {
    if (node === null || typeof node !== 'object') return false;
    const ref = (node as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      const target = decodeURIComponent(ref.slice(1));
      if (open.has(target)) return true;
      if (done.has(target)) return false;
      open.add(target);
      const cycle = visit(nodeAt(file, target));
      open.delete(target);
      done.add(target);
      if (cycle) return true;
    }
    return Object.values(node).some(visit);
  };
  return visit(schema);
}

/** A date-time or time without a time zone, which RFC 3339 requires. */
function lacksTimeZone(file: string, pointer: string): boolean {
  const value = nodeAt(file, pointer);
  return typeof value === 'string' && !/(?:z|[+-]\d\d(?::?\d\d)?)$/i.test(value);
}

/**
 * Differences between Spectral's `spectral:oas` rules and Rampart's built-in equivalents that we
 * accept, each with its reason; PARITY_WAIVERS apply too. The built-in parity test fails on any
 * difference covered by neither.
 */
export const SPECTRAL_OAS_WAIVERS: Waiver[] = [
  {
    id: 'oas-schema-wording',
    reason:
      'oas2-schema and oas3-schema validate against the official schemas (Spectral against its own copies) with Ajv, but ' +
      'Spectral prints each Ajv error as it comes (`must have required property`, `must match pattern`, `items ## 0 and 2`), ' +
      'while Rampart words them for the reader (`"default" property is required.`). Same rule, file, pointer and line; only ' +
      'the words differ.',
    pairs: (spectral, rampart) =>
      SCHEMA_RULES.has(spectral.ruleId) && rampart.ruleId === spectral.ruleId && rampart.file === spectral.file && rampart.pointer === spectral.pointer && rampart.line === spectral.line && rampart.severity === spectral.severity,
  },
  {
    id: 'oas-schema-one-explanation',
    reason:
      'Where a node fails a oneOf of the official schema (a parameter lacking `required`, a response that is neither a Response ' +
      'nor a $ref), Spectral reports every error of every form it tried: the oneOf itself, each form\'s missing property, the ' +
      'enum of `in` once per form, keys "not expected" by the forms the node is not. Rampart reports the one problem of the form ' +
      'the node means, at the node, and leaves out the rest.',
    spectralOnly: (spectral, rampart) =>
      SCHEMA_RULES.has(spectral.ruleId) && rampart.some((finding) => finding.ruleId === spectral.ruleId && finding.file === spectral.file && isAtOrBelow(spectral.pointer, finding.pointer)),
  },
  {
    id: 'oas-schema-accepts-followed-refs',
    reason:
      'Many documents put a $ref where the OpenAPI schema wants the object itself (an operation, a media type, a server), ' +
      'and linters and bundlers follow it. Spectral validates the root file as written, so it reports each such $ref object as the ' +
      'object it stands for (`Property "$ref" is not expected to be here`, `must have required property "responses"`). ' +
      'Rampart accepts a $ref there and validates the object it leads to, where it is written.',
    spectralOnly: (spectral) => {
      if (!SCHEMA_RULES.has(spectral.ruleId)) return false;
      const at = spectral.pointer.endsWith('/$ref') ? spectral.pointer.slice(0, -'/$ref'.length) : spectral.pointer;
      const node = nodeAt(spectral.file, at) as Record<string, unknown> | undefined;
      return node !== null && typeof node === 'object' && typeof node.$ref === 'string';
    },
  },
  {
    id: 'rampart-validates-referenced-files',
    reason:
      'Spectral\'s oas2-schema and oas3-schema read the root file only (resolved: false). Rampart also validates each fragment ' +
      'that a $ref brings in from another file, against the definition of the place it is used, and reports into that file.',
    rampartOnly: (rampart) => {
      if (!SCHEMA_RULES.has(rampart.ruleId)) return false;
      const root = nodeAt(rampart.file, '') as Record<string, unknown> | undefined;
      return !(root !== null && typeof root === 'object' && ('openapi' in root || 'swagger' in root));
    },
  },
  {
    id: 'spectral-example-schema-does-not-compile',
    reason:
      'Spectral compiles each schema with Ajv before it checks an example, and reports Ajv\'s refusal instead of the example\'s ' +
      'problems when the schema has something Ajv rejects in strict OpenAPI terms ("nullable" without "type", an enum with ' +
      'duplicates, an unknown `type`). Rampart checks the example anyway, so it reports what is wrong with the example (below the ' +
      'place of Spectral\'s result), and never the compile error; the schema problem itself is reported by oas*-schema, ' +
      'duplicated-entry-in-enum or typed-enum.',
    spectralOnly: (spectral) => EXAMPLE_RULES.has(spectral.ruleId) && isSchemaCompileError(spectral.message),
    rampartOnly: (rampart, spectral) =>
      EXAMPLE_RULES.has(rampart.ruleId) &&
      spectral.some((result) => result.ruleId === rampart.ruleId && result.file === rampart.file && isSchemaCompileError(result.message) && isAtOrBelow(rampart.pointer, result.pointer)),
  },
  {
    id: 'example-combinator-explanation',
    reason:
      'When an example fails a oneOf/anyOf of its schema, Spectral prints the first error of every form (and the combinator\'s ' +
      'own "must match exactly one schema"), while Rampart explains the form the example means: the one whose tag (a const or ' +
      'enum property) it carries, or the one it gets furthest into, and otherwise the combinator alone. Findings outside the ' +
      'combinator in the same example follow the same choice. Same rule and example; the places and words differ.',
    spectralOnly: (spectral, rampart, others) =>
      EXAMPLE_RULES.has(spectral.ruleId) && [...rampart, ...others].some((item) => isCombinatorFailure(item.message) && inSameExample(item, spectral)),
    rampartOnly: (rampart, spectral, others) =>
      EXAMPLE_RULES.has(rampart.ruleId) && [...spectral, ...others].some((item) => isCombinatorFailure(item.message) && inSameExample(item, rampart)),
  },
  {
    id: 'spectral-skips-examples-of-recursive-schemas',
    reason:
      'Spectral\'s resolver leaves a $ref that leads back into itself as a $ref, which Ajv then cannot resolve inside the ' +
      'copied schema; Spectral ignores that error, so an example of a recursive schema (a tree, a contact that lists ' +
      'contacts) is never checked. Rampart checks it and reports what is wrong with it.',
    rampartOnly: (rampart, spectral) => {
      if (!EXAMPLE_RULES.has(rampart.ruleId) || spectral.some((result) => inSameExample(result, rampart))) return false;
      return examplePrefixes(rampart.pointer).some((root) => {
        const schema = schemaOfExample(rampart.file, root);
        return schema !== undefined && reachesRefCycle(rampart.file, schema);
      });
    },
  },
  {
    id: 'spectral-accepts-times-without-zone',
    reason:
      'The date-time and time formats are RFC 3339\'s, whose times carry a zone ("Z" or an offset). Spectral\'s Ajv formats ' +
      '(ajv-formats 2) accept "2019-06-11 22:05:25" and "09:00:00" through a bug fixed in ajv-formats 3; Rampart reports them.',
    rampartOnly: (rampart) => EXAMPLE_RULES.has(rampart.ruleId) && /must match format "(?:date-time|time)"$/.test(rampart.message) && lacksTimeZone(rampart.file, rampart.pointer),
  },
  {
    id: 'spectral-refuses-numeric-keys',
    reason:
      'Spectral\'s YAML parser reports a key that YAML reads as a number (`200:` for a response code) as an error of its own ' +
      '(code "parser"). Rampart reads it as the key "200", as the same document written in JSON would have it.',
    spectralOnly: (spectral) => spectral.ruleId === 'parser' && spectral.message === 'Mapping key must be a string scalar rather than number',
  },
  {
    id: 'spectral-matches-property-names',
    reason:
      'no-$ref-siblings, oas2-anyOf and oas2-oneOf look for keys by name anywhere ($..[?(@property === "$ref")], $..anyOf), so ' +
      'Spectral also reports a schema property that happens to be named "$ref", "anyOf" or "oneOf" (Kubernetes describes JSON ' +
      'Schema itself). Rampart looks at $ref objects and schema keywords only.',
    spectralOnly: (spectral) => {
      if (spectral.ruleId === 'oas2-anyOf' || spectral.ruleId === 'oas2-oneOf') return /\/properties\/(?:anyOf|oneOf)$/.test(spectral.pointer);
      if (spectral.ruleId !== 'no-$ref-siblings') return false;
      const holder = nodeAt(spectral.file, spectral.pointer.slice(0, spectral.pointer.lastIndexOf('/'))) as Record<string, unknown> | undefined;
      return holder !== null && typeof holder === 'object' && '$ref' in holder && typeof holder.$ref !== 'string';
    },
  },
];
