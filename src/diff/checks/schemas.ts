import { anySchema, type MediaType, type Operation, type Schema } from '../../spec/api.js';
import { MUTABILITY_KINDS, PROPERTY_KINDS, SCHEMA_KINDS, type SchemaKind } from '../compare-schemas.js';
import { headersByName, pairParameters } from '../pairing.js';
import { defineChange, type Action, type Area, type Check, type ChangeDefinition, type CheckContext, type Direction, type Kind, type Level } from '../types.js';

/**
 * Schema changes of parameters, bodies, properties and headers. One comparison (compare-schemas.ts)
 * finds direction-free deltas; the direction decides how much each matters: what a client sends
 * (request) may be loosened safely, what it receives (response) may be tightened safely.
 */
const b: Level = 'breaking';
const w: Level = 'warning';
const i: Level = 'info';

/** Per kind: level in a request, level in a response, taxonomy kind and action. */
/** Level per direction; null where the change means nothing to clients in that direction. */
const KINDS: Record<SchemaKind, [request: Level | null, response: Level | null, kind: Kind, action: Action]> = {
  'type-widened': [i, b, 'type', 'change'],
  'type-narrowed': [b, i, 'type', 'change'],
  'type-changed': [b, b, 'type', 'change'],
  'became-nullable': [i, b, 'type', 'change'],
  'became-not-nullable': [b, i, 'type', 'change'],
  'format-added': [b, i, 'constraints', 'change'],
  'format-removed': [i, w, 'constraints', 'change'],
  'format-changed': [b, b, 'constraints', 'change'],
  'pattern-added': [b, i, 'constraints', 'change'],
  'pattern-removed': [i, w, 'constraints', 'change'],
  'pattern-changed': [w, w, 'constraints', 'change'],
  'enum-value-added': [i, w, 'values', 'add'],
  'extensible-enum-value-added': [i, i, 'values', 'add'],
  'enum-value-removed': [b, i, 'values', 'remove'],
  'enum-added': [b, i, 'values', 'change'],
  'enum-removed': [i, w, 'values', 'change'],
  'const-added': [b, i, 'values', 'change'],
  'const-removed': [i, w, 'values', 'change'],
  'const-changed': [b, b, 'values', 'change'],
  'min-increased': [b, i, 'constraints', 'change'],
  'min-decreased': [i, w, 'constraints', 'change'],
  'max-increased': [i, w, 'constraints', 'change'],
  'max-decreased': [b, i, 'constraints', 'change'],
  'multiple-of-added': [b, i, 'constraints', 'change'],
  'multiple-of-removed': [i, w, 'constraints', 'change'],
  'multiple-of-narrowed': [b, i, 'constraints', 'change'],
  'multiple-of-widened': [i, w, 'constraints', 'change'],
  'multiple-of-changed': [b, b, 'constraints', 'change'],
  'unique-items-added': [b, i, 'constraints', 'change'],
  'unique-items-removed': [i, w, 'constraints', 'change'],
  // A client that leaves the value out silently gets another behaviour; in responses a default says little.
  'default-added': [i, i, 'values', 'add'],
  'default-removed': [w, i, 'values', 'remove'],
  'default-changed': [w, i, 'values', 'change'],
  // SDKs pick the class to (de)serialise by the discriminator: its property and tags are part of the wire format.
  'discriminator-added': [i, i, 'structure', 'add'],
  'discriminator-removed': [i, w, 'structure', 'remove'],
  'discriminator-property-changed': [b, b, 'structure', 'change'],
  'discriminator-mapping-added': [i, w, 'values', 'add'],
  'discriminator-mapping-removed': [b, i, 'values', 'remove'],
  'discriminator-mapping-changed': [b, b, 'values', 'change'],
  'additional-properties-closed': [b, i, 'structure', 'change'],
  'additional-properties-opened': [i, i, 'structure', 'change'],
  'additional-properties-restricted': [b, i, 'structure', 'change'],
  'additional-properties-unrestricted': [i, w, 'structure', 'change'],
  'unevaluated-properties-closed': [b, i, 'structure', 'change'],
  'unevaluated-properties-opened': [i, i, 'structure', 'change'],
  'unevaluated-properties-restricted': [b, i, 'structure', 'change'],
  'unevaluated-properties-unrestricted': [i, w, 'structure', 'change'],
  'prefix-items-changed': [b, b, 'structure', 'change'],
  'variant-added': [i, w, 'structure', 'add'],
  'variant-removed': [b, i, 'structure', 'remove'],
  // A plain schema that became one variant: clients may keep sending it, but readers meet shapes
  // they have no type for (unlike a variant added to an existing oneOf, where they already choose).
  'became-one-of': [i, b, 'structure', 'change'],
  'became-any-of': [i, b, 'structure', 'change'],
  'one-of-collapsed': [b, i, 'structure', 'change'],
  'any-of-collapsed': [b, i, 'structure', 'change'],
  // Not judged (see compare-schemas.ts): a warning both ways, so someone looks.
  'unmodelled-keyword-changed': [w, w, 'constraints', 'change'],
  'property-added': [i, i, 'existence', 'add'],
  'property-added-required': [b, i, 'existence', 'add'],
  // A default stands in for what existing clients leave out, as for a required parameter with one.
  'property-added-required-with-default': [i, i, 'existence', 'add'],
  'property-removed': [w, b, 'existence', 'remove'],
  'property-became-required': [b, i, 'requiredness', 'change'],
  'property-became-required-with-default': [i, i, 'requiredness', 'change'],
  'property-became-optional': [i, b, 'requiredness', 'change'],
  // readOnly: no longer taken from requests (what clients send is ignored or refused); writeOnly: no longer returned.
  // readOnly means nothing in a response, writeOnly nothing in a request.
  'property-became-read-only': [w, null, 'mutability', 'change'],
  'property-became-not-read-only': [i, null, 'mutability', 'change'],
  'property-became-write-only': [null, b, 'mutability', 'change'],
  'property-became-not-write-only': [null, i, 'mutability', 'change'],
  // News for the changelog's Deprecated section: clients should plan to stop sending / reading it.
  'property-deprecated': [i, i, 'lifecycle', 'deprecate'],
  'property-reactivated': [i, i, 'lifecycle', 'change'],
};

type Context = 'request-parameter' | 'request-body' | 'request-property' | 'response-body' | 'response-property' | 'response-header';
const CONTEXTS: Record<Context, [Direction, Area]> = {
  'request-parameter': ['request', 'parameters'],
  'request-body': ['request', 'request-body'],
  'request-property': ['request', 'schema'],
  'response-body': ['response', 'responses'],
  'response-property': ['response', 'schema'],
  'response-header': ['response', 'headers'],
};

/** Every schema change id (`request-property-type-changed`, …) with the kind it reports. */
export const SCHEMA_IDS = new Map<string, SchemaKind>();
const definitions: ChangeDefinition[] = [];
for (const [context, [direction, area]] of Object.entries(CONTEXTS) as [Context, [Direction, Area]][]) {
  const isProperty = context.endsWith('-property');
  for (const kind of SCHEMA_KINDS) {
    if (PROPERTY_KINDS.has(kind) && !isProperty) continue;
    const [request, response, taxonomyKind, action] = KINDS[kind];
    const level = direction === 'request' ? request : response;
    if (level === null) continue;
    const id = `${context}-${kind.replace(/^property-/, '')}`;
    SCHEMA_IDS.set(id, kind);
    definitions.push(defineChange(id, level, direction, area, taxonomyKind, action));
  }
}

interface Site {
  top: Context;
  /** What the top-level schema is, and how a nested property is named. */
  subject: (path: string) => string;
}

const schemas: Check = {
  name: 'schemas',
  definitions,
  run(context) {
    for (const pair of context.pairs) {
      const op = pair.revision;
      const pairing = pairParameters(pair, context.schemas);
      for (const { base, revision } of [...pairing.pairs, ...pairing.moved]) {
        const name = revision.name;
        compare(context, op, base.schema, revision.schema, {
          top: 'request-parameter',
          subject: (path) => (path ? `property "${path}" of request parameter "${name}"` : `request parameter "${name}" (${revision.in})`),
        });
      }
      const baseBody = pair.base.requestBody;
      const body = op.requestBody;
      if (baseBody && body) {
        for (const [mediaType, media] of body.content) {
          const old = baseBody.content.get(mediaType);
          if (!old || (!old.schema && !media.schema)) continue;
          compare(context, op, schemaOf(old), schemaOf(media), {
            top: 'request-body',
            subject: (path) => (path ? `request property "${path}" (${mediaType})` : `request body (${mediaType})`),
          });
        }
      }
      for (const [status, response] of op.responses) {
        const old = pair.base.responses.get(status);
        if (!old) continue;
        for (const [mediaType, media] of response.content) {
          const oldMedia = old.content.get(mediaType);
          if (!oldMedia || (!oldMedia.schema && !media.schema)) continue;
          compare(context, op, schemaOf(oldMedia), schemaOf(media), {
            top: 'response-body',
            subject: (path) => (path ? `response property "${path}" (${status} ${mediaType})` : `response body (${status} ${mediaType})`),
          });
        }
        const oldHeaders = headersByName(old.headers);
        for (const [name, header] of response.headers) {
          const oldHeader = oldHeaders.get(name.toLowerCase());
          if (!oldHeader) continue;
          compare(context, op, oldHeader.schema, header.schema, {
            top: 'response-header',
            subject: (path) => (path ? `property "${path}" of response header "${name}" (${status})` : `response header "${name}" (${status})`),
          });
        }
      }
    }
  },
};

function compare(context: CheckContext, op: Operation, base: Schema, revision: Schema, site: Site): void {
  const direction = CONTEXTS[site.top][0];
  for (const delta of context.schemas.compare(base, revision)) {
    // readOnly properties are never sent by clients, writeOnly ones never returned to them: what
    // changes inside them does not reach that direction (becoming hidden or visible does).
    if ((direction === 'request' ? delta.readOnly : delta.writeOnly) && !MUTABILITY_KINDS.has(delta.kind)) continue;
    if (delta.onlyIn && delta.onlyIn !== direction) continue;
    if (KINDS[delta.kind][direction === 'request' ? 0 : 1] === null) continue;
    const nested = delta.path.length > 0;
    const prefix: Context = nested ? (direction === 'request' ? 'request-property' : 'response-property') : site.top;
    const path = propertyPath(delta.path);
    context.report(`${prefix}-${delta.kind.replace(/^property-/, '')}`, {
      operation: op,
      base: delta.base,
      revision: delta.revision,
      data: { ...delta.data, subject: site.subject(path), ...(nested ? { property: path } : {}) },
    });
  }
}

/** A media type without a schema admits any content: comparing it as such reports a schema added or dropped. */
function schemaOf(media: MediaType): Schema {
  return media.schema ?? anySchema(media.origin);
}

/** `data`, `[]`, `id` → `data[].id`. */
export function propertyPath(segments: readonly string[]): string {
  let out = '';
  for (const segment of segments) out += segment.startsWith('[') || out === '' ? segment : `.${segment}`;
  return out;
}

export default schemas;
